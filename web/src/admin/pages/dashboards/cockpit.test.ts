import { describe, expect, it } from 'vitest';
import { formatChange, formatLarge, formatValue, refreshedText } from './cockpit';
import { ATLAS_COUNTRIES } from './atlasCountries';
import { MAP_NAME_OF_CUSTOMS_CODE } from './worldMap';

describe('cockpit formats', () => {
  it('shows a percentage or a unit, and a dash when there is nothing to compute from', () => {
    expect(formatValue({ value: 73.3, unit: '%' })).toBe('73.3%');
    expect(formatValue({ value: 18.1, unit: '小时' })).toBe('18.1 小时');
    expect(formatValue({ value: null, unit: '%' })).toBe('—');
  });

  it('colours a change by whether higher is better', () => {
    expect(formatChange({ change: 2.5, unit: '%', higher_is_better: true, previous: 70 })).toEqual({ text: '较上期 ↑ 2.5 个百分点', tone: 'up' });
    expect(formatChange({ change: 0.6, unit: '小时', higher_is_better: false, previous: 17.5 })).toEqual({ text: '较上期 ↑ 0.6 小时', tone: 'down' });
    expect(formatChange({ change: -1, unit: '%', higher_is_better: null, previous: 3 }).tone).toBe('flat');
    expect(formatChange({ change: null, unit: '%', higher_is_better: true, previous: null }).text).toBe('上期无数据');
  });

  it('writes large amounts in 万 and 亿', () => {
    expect(formatLarge(9_800)).toBe('9,800');
    expect(formatLarge(98_000)).toBe('9.8 万');
    expect(formatLarge(120_000_000)).toBe('1.2 亿');
  });

  it('says whether the figures are live or from the aggregates', () => {
    expect(refreshedText(null, true)).toBe('按所选商户实时统计');
    expect(refreshedText(null, false)).toContain('尚未生成');
  });
});

describe('world map names', () => {
  it('names every atlas country in Chinese and finds the main destinations by customs code', () => {
    expect(Object.values(ATLAS_COUNTRIES).every(([, name]) => /[\u4e00-\u9fa5]/.test(name))).toBe(true);
    expect(MAP_NAME_OF_CUSTOMS_CODE['502']).toBe('美国');
    expect(MAP_NAME_OF_CUSTOMS_CODE['116']).toBe('日本');
    expect(MAP_NAME_OF_CUSTOMS_CODE['303']).toBe('英国');
  });
});
