import { describe, expect, it } from 'vitest';
import { batchIdFrom, batchLabel, batchOptions } from './batchFilter';

const batch = { id: 7, name: '11 月第 2 批', customs_code: '2305', port_code: '2306' };

describe('batchIdFrom', () => {
  it('reads batch_id and the older batch parameter of notification links', () => {
    expect(batchIdFrom(new URLSearchParams('tab=status&batch_id=7'))).toBe(7);
    expect(batchIdFrom(new URLSearchParams('tab=status&batch=9&status=problem'))).toBe(9);
  });
  it('ignores a missing or unreadable batch', () => {
    expect(batchIdFrom(new URLSearchParams('tab=status'))).toBeUndefined();
    expect(batchIdFrom(new URLSearchParams('batch_id=abc'))).toBeUndefined();
    expect(batchIdFrom(new URLSearchParams('batch_id=0'))).toBeUndefined();
  });
});

describe('batchLabel', () => {
  it('names the batch with its 海关 and 口岸', () => {
    expect(batchLabel(batch)).toBe('11 月第 2 批（海关 2305 · 口岸 2306）');
  });
  it('leaves out codes that are not filled in', () => {
    expect(batchLabel({ ...batch, port_code: '' })).toBe('11 月第 2 批（海关 2305）');
    expect(batchLabel({ ...batch, customs_code: '', port_code: '' })).toBe('11 月第 2 批');
  });
});

describe('batchOptions', () => {
  it('offers every batch and keeps a selected batch that was not loaded', () => {
    expect(batchOptions([batch], 7)).toEqual([{ value: 7, label: '11 月第 2 批（海关 2305 · 口岸 2306）' }]);
    expect(batchOptions([batch], 42).map((o) => o.label)).toEqual(['批次 #42', '11 月第 2 批（海关 2305 · 口岸 2306）']);
  });
});
