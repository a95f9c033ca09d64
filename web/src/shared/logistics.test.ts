import { describe, expect, it } from 'vitest';
import { compareFrom, compareQuery, DEFAULT_COMPARE, onTime, quotesQuery } from './logistics';

describe('the comparison in the address', () => {
  it('keeps the 2–4 picked carriers as one parameter and reads them back', () => {
    const values = { ...DEFAULT_COMPARE, carrier_ids: [3, 5] };
    const query = compareQuery(values);
    expect(query.carriers).toBe('3,5');
    expect(compareFrom(new URLSearchParams(query)).carrier_ids).toEqual([3, 5]);
  });

  it('asks the quotes endpoint for the picked carriers as repeated ids, and for every carrier when none is picked', () => {
    expect(quotesQuery({ ...DEFAULT_COMPARE, carrier_ids: [3, 5] })).toMatchObject({ carrier_ids: ['3', '5'] });
    expect(quotesQuery({ ...DEFAULT_COMPARE, carrier_ids: [3, 5] })).not.toHaveProperty('carriers');
    expect(quotesQuery(DEFAULT_COMPARE).carrier_ids).toEqual([]);
  });

  it('ignores picked ids that are not numbers and keeps at most four', () => {
    expect(compareFrom(new URLSearchParams('carriers=1,x,2,3,4,5')).carrier_ids).toEqual([1, 2, 3, 4]);
  });
});

describe('onTime', () => {
  it('shows 暂无 before any delivered shipment and a percentage after', () => {
    expect(onTime(null)).toBe('暂无');
    expect(onTime(0.8333)).toBe('83%');
  });
});
