import { describe, expect, it } from 'vitest';
import { createTokenStore } from './auth';
import { acceptHandoff, handoffUrl, parseHandoff } from './impersonation';
import { MemoryStorage } from './testing/fixtures';

describe('impersonation handoff', () => {
  const pair = { access: 'a.b.c', refresh: 'r-刷新' };

  it('round-trips a token pair through the fragment only', () => {
    const url = handoffUrl(pair);
    expect(url.startsWith('/#impersonate=')).toBe(true);
    expect(url).not.toContain('?');
    expect(parseHandoff(url.slice(1))).toEqual(pair);
  });

  it('ignores fragments that are not a handoff', () => {
    expect(parseHandoff('')).toBeNull();
    expect(parseHandoff('#section')).toBeNull();
    expect(parseHandoff('#impersonate=not-base64!!')).toBeNull();
  });

  it('stores the pair for this tab and removes the fragment', () => {
    const storages = { local: new MemoryStorage(), session: new MemoryStorage() };
    const store = createTokenStore('', storages);
    const replaced: string[] = [];
    const location = { hash: handoffUrl(pair).slice(1), pathname: '/', search: '' } as Location;
    const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } as unknown as History;
    expect(acceptHandoff(store, location, history)).toBe(true);
    expect(storages.session.getItem('access')).toBe('a.b.c');
    expect(storages.local.getItem('access')).toBeNull();
    expect(replaced).toEqual(['/']);
  });
});
