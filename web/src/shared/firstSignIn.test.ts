import { beforeEach, describe, expect, it } from 'vitest';
import { asksMerchantName, markNamePromptDone, needsNamePrompt } from './firstSignIn';
import { makeMe, MemoryStorage } from './testing/fixtures';

describe('the first sign-in name prompt', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it('asks a person without a name once, and not after 「稍后再说」 or saving', () => {
    const base = makeMe();
    const me = { ...base, user: { ...base.user, name: '', display_name: '138****8000' } };
    expect(needsNamePrompt(me, storage)).toBe(true);
    markNamePromptDone(me, storage);
    expect(needsNamePrompt(me, storage)).toBe(false);
  });

  it('does not ask a person who has a name, staff, or someone acting for a merchant', () => {
    expect(needsNamePrompt(makeMe(), storage)).toBe(false);
    const base = makeMe();
    expect(needsNamePrompt({ ...base, user: { ...base.user, name: '', is_staff: true } }, storage)).toBe(false);
  });

  it('asks for the company name only of an admin whose merchant has none', () => {
    const base = makeMe();
    const unnamed = { ...base.merchant!, name: '', display_name: '未命名商户 #10' };
    const as = (role: string) => [{ ...base.memberships[0], role }];
    expect(asksMerchantName({ ...base, merchant: unnamed, memberships: as('admin') })).toBe(true);
    expect(asksMerchantName({ ...base, merchant: unnamed, memberships: as('member') })).toBe(false);
    expect(asksMerchantName({ ...base, memberships: as('admin') })).toBe(false);
  });
});
