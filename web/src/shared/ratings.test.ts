import { describe, expect, it } from 'vitest';
import { editUntilText, ratingFocus, starsText, starWord } from './ratings';

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
