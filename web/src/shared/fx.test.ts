import { describe, expect, it } from 'vitest';
import { change, money, usd, type BoardRow } from './fx';

describe('money', () => {
  it('formats USD and CNY with their symbol, thousands and cents', () => {
    expect(money({ amount: '12580', currency: 'USD' })).toBe('$12,580.00');
    expect(money({ amount: '19958.7', currency: 'CNY' })).toBe('¥19,958.70');
  });

  it('puts the sign before the symbol and shows + only when asked', () => {
    expect(money({ amount: '-1200.00', currency: 'USD' })).toBe('-$1,200.00');
    expect(money({ amount: '5000', currency: 'USD' }, true)).toBe('+$5,000.00');
    expect(money({ amount: '0', currency: 'USD' }, true)).toBe('$0.00');
  });

  it('shows a dash for nothing', () => {
    expect(money(null)).toBe('—');
    expect(usd('')).toBe('—');
  });
});

describe('change', () => {
  const row = (value: string | null, percent: string | null): BoardRow =>
    ({ currency: 'USD', name: '美元', latest: { change: value, change_percent: percent } }) as unknown as BoardRow;

  it('says which way the rate moved since the previous close', () => {
    expect(change(row('0.0040', '0.06'))).toEqual({ text: '+0.0040（+0.06%）', up: true });
    expect(change(row('-0.0088', '-0.13'))).toEqual({ text: '-0.0088（-0.13%）', up: false });
  });

  it('has no direction without a previous close', () => {
    expect(change(row(null, null))).toEqual({ text: '—', up: null });
  });
});
