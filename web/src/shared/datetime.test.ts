import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './datetime';

describe('formatDateTime', () => {
  it('shows one format, YYYY-MM-DD HH:mm in Beijing time, whatever the zone of the value', () => {
    expect(formatDateTime('2026-12-05T05:15:24Z')).toBe('2026-12-05 13:15');
    expect(formatDateTime('2026-12-05T13:15:24+08:00')).toBe('2026-12-05 13:15');
    expect(formatDateTime('2026-12-05T05:15:24Z', true)).toBe('2026-12-05 13:15:24');
  });
  it('says 「—」 for nothing and leaves what is not a time as it is', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('明天')).toBe('明天');
  });
});

describe('formatDate', () => {
  it('shows the Beijing calendar day', () => {
    expect(formatDate('2026-12-04T17:00:00Z')).toBe('2026-12-05');
    expect(formatDate(undefined)).toBe('—');
  });
});
