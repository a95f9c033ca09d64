import { describe, expect, it } from 'vitest';
import { dispositionFilename, formatBytes, formatTime, toLogQuery } from './logs';

describe('toLogQuery', () => {
  it('keeps only the filters that are set, and splits the time range', () => {
    expect(
      toLogQuery({ actor: ' 林 ', module: 'merchants', action: '', created_at: ['2026-03-01 00:00:00', '2026-03-02 00:00:00'], current: 1 }),
    ).toEqual({ actor: '林', module: 'merchants', created_from: '2026-03-01 00:00:00', created_to: '2026-03-02 00:00:00' });
    expect(toLogQuery({})).toEqual({});
  });
});

describe('formatTime', () => {
  it('shows Beijing time whatever the zone of the value', () => {
    expect(formatTime('2026-03-01T01:30:05Z')).toBe('2026-03-01 09:30:05');
    expect(formatTime('2026-03-01T01:30:05Z', false)).toBe('2026-03-01 09:30');
    expect(formatTime(null)).toBe('—');
  });
});

describe('formatBytes', () => {
  it('picks a readable unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });
});

describe('dispositionFilename', () => {
  it('reads the UTF-8 name Django sends for Chinese file names', () => {
    const header = "attachment; filename*=utf-8''%E6%93%8D%E4%BD%9C%E6%97%A5%E5%BF%97-20260301-093000.csv";
    expect(dispositionFilename(header, 'x.csv')).toBe('操作日志-20260301-093000.csv');
  });
  it('falls back to the plain name, then to the default', () => {
    expect(dispositionFilename('attachment; filename="operation-logs-2026-01.jsonl.gz"', 'x')).toBe('operation-logs-2026-01.jsonl.gz');
    expect(dispositionFilename(null, 'x.csv')).toBe('x.csv');
  });
});
