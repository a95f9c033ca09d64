import { describe, expect, it } from 'vitest';
import { formatDuration, mergedStep, stepFieldErrors } from './registration';

describe('registration helpers', () => {
  it('keeps saved values over pre-filled ones, but an empty saved value does not hide a pre-filled one', () => {
    expect(mergedStep({ a: '已保存', b: '', c: [] }, { a: '预填', b: '预填B', d: 1 })).toEqual({
      a: '已保存',
      b: '预填B',
      c: [],
      d: 1,
    });
  });

  it('maps "step.field" messages onto the fields of one step only', () => {
    expect(stepFieldErrors({ 'operator.operator_name': '请填写经营者姓名', 'name.region': '请填写行政区划' }, 'operator')).toEqual([
      { name: 'operator_name', errors: ['请填写经营者姓名'] },
    ]);
  });

  it('says expected durations in Chinese', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(2 * 86_400)).toBe('约 2 天');
    expect(formatDuration(7200)).toBe('约 2 小时');
    expect(formatDuration(30)).toBe('约 1 分钟');
  });
});
