import { describe, expect, it, vi } from 'vitest';
import type { Api } from './api/client';
import { editUntilText, ratingFocus, starsProblem, starsText, starWord, submitRating, targetOf, type MyRating, type PendingRating } from './ratings';

describe('rating words', () => {
  it('names every star count in Chinese', () => {
    expect([1, 2, 3, 4, 5].map(starWord)).toEqual(['非常不满意', '不满意', '一般', '满意', '非常满意']);
    expect(starsText(4)).toBe('4 星 · 满意');
  });

  it('says until which day a rating may be changed', () => {
    expect(editUntilText('2026-12-12T10:00:00+08:00')).toMatch(/^12月1[12]日前可修改$/);
  });
});

describe('the rating a message link names', () => {
  it('reads the id of /me/ratings?id=… and ignores anything else', () => {
    expect(ratingFocus(new URLSearchParams('id=42'))).toBe(42);
    expect(ratingFocus(new URLSearchParams('tab=pending'))).toBeNull();
    expect(ratingFocus(new URLSearchParams('id=abc'))).toBeNull();
    expect(ratingFocus(new URLSearchParams('id=-3'))).toBeNull();
  });
});

describe('saving a rating (the PC and H5 forms alike)', () => {
  const fakeApi = () => {
    const ok = async () => ({ data: {}, response: new Response(null, { status: 200 }) });
    const client = { POST: vi.fn(ok), PATCH: vi.fn(ok) };
    return { api: { client } as unknown as Api, client };
  };

  it('asks for at least one star', () => {
    expect(starsProblem(0)).toBe('请选择星级');
    expect(starsProblem(undefined)).toBe('请选择星级');
    expect(starsProblem(3)).toBeNull();
  });

  it('rates a pending item once, with the comment trimmed', async () => {
    const { api, client } = fakeApi();
    const pending = { kind: 'shipment', object_id: 7 } as PendingRating;
    expect(await submitRating(api, targetOf({ pending }), { stars: 4, comment: '  包装很用心 ' })).toBe('created');
    expect(client.POST).toHaveBeenCalledWith('/api/v1/ratings/subjects/{kind}/{object_id}', {
      params: { path: { kind: 'shipment', object_id: 7 } },
      body: { stars: 4, comment: '包装很用心' },
    });
    expect(client.PATCH).not.toHaveBeenCalled();
  });

  it('changes one\'s own rating in place', async () => {
    const { api, client } = fakeApi();
    const rating = { id: 12 } as MyRating;
    expect(await submitRating(api, targetOf({ rating }), { stars: 2, comment: '' })).toBe('updated');
    expect(client.PATCH).toHaveBeenCalledWith('/api/v1/ratings/{rating_id}', { params: { path: { rating_id: 12 } }, body: { stars: 2, comment: '' } });
  });
});
