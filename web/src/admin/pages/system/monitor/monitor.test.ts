import { describe, expect, it } from 'vitest';
import { formatDuration, formatEvery, usageColor } from './monitor';

describe('formatDuration', () => {
  it('uses the two largest units', () => {
    expect(formatDuration(45)).toBe('45 秒');
    expect(formatDuration(125)).toBe('2 分 5 秒');
    expect(formatDuration(7500)).toBe('2 小时 5 分');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 12)).toBe('3 天 4 小时');
  });
});

describe('formatEvery', () => {
  it('names daily, hourly and minute periods', () => {
    expect(formatEvery(86_400, '03:00')).toBe('每天 03:00');
    expect(formatEvery(3600, null)).toBe('每小时');
    expect(formatEvery(7200, null)).toBe('每 2 小时');
    expect(formatEvery(600, null)).toBe('每 10 分钟');
  });
});

describe('usageColor', () => {
  it('turns amber at 70 % and red at 90 %', () => {
    expect(usageColor(50)).toBe('#16a34a');
    expect(usageColor(75)).toBe('#f59e0b');
    expect(usageColor(95)).toBe('#dc2626');
  });
});
