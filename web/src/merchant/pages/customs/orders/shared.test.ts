import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { daysLeft } from '../summaries/SummariesPage';
import { formatTime, num } from './shared';

describe('num', () => {
  it('drops the trailing zeros of API decimals', () => {
    expect(num('51.00000')).toBe('51');
    expect(num('0.700000000000000')).toBe('0.7');
    expect(num('25.50000')).toBe('25.5');
  });
  it('keeps what is not a number and marks what is missing', () => {
    expect(num('')).toBe('—');
    expect(num(null)).toBe('—');
    expect(num('abc')).toBe('abc');
  });
});

describe('formatTime', () => {
  it('shows a dash for no time and the text for an unreadable one', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime('not a time')).toBe('not a time');
  });
});

describe('daysLeft', () => {
  it('counts whole days to the 汇总 due date', () => {
    expect(daysLeft('2026-04-15', dayjs('2026-04-10T18:00:00'))).toBe(5);
    expect(daysLeft('2026-04-15', dayjs('2026-04-15T09:00:00'))).toBe(0);
    expect(daysLeft('2026-04-15', dayjs('2026-04-16T09:00:00'))).toBe(-1);
  });
});
