import { describe, expect, it } from 'vitest';
import { attrsParam, flatten, formatMoney, valueText, type CategoryNode } from './showroom';

const node = (id: number, name: string, children: CategoryNode[] = []): CategoryNode => ({
  id,
  name,
  parent_id: null,
  position: 0,
  enabled: true,
  depth: 1,
  attributes: [],
  listed_count: 0,
  product_count: null,
  children,
});

describe('showroom helpers', () => {
  it('formats CNY and USD prices', () => {
    expect(formatMoney({ amount: '1280.5', currency: 'CNY' })).toBe('¥1,280.50');
    expect(formatMoney({ amount: '18', currency: 'USD' })).toBe('$18.00');
    expect(formatMoney(null)).toBe('');
  });

  it('writes attribute filters the way the API reads them', () => {
    expect(attrsParam({ 3: { kind: 'choice', values: ['紫', '粉'] }, 5: { kind: 'number', min: 8, max: null }, 7: { kind: 'number' } })).toEqual([
      '3:紫|粉',
      '5:8~',
    ]);
  });

  it('flattens the tree with each path', () => {
    const tree = [node(1, '手串', [node(2, '单圈手串', [node(3, '紫水晶手串')])])];
    expect(flatten(tree).map((e) => e.path.join(' / '))).toEqual(['手串', '手串 / 单圈手串', '手串 / 单圈手串 / 紫水晶手串']);
  });

  it('shows a unit after a number', () => {
    expect(valueText({ value: '8', unit: 'mm' })).toBe('8 mm');
    expect(valueText({ value: '巴西', unit: '' })).toBe('巴西');
  });
});
