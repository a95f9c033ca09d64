import { describe, expect, it } from 'vitest';
import { errorPlace, fieldPath, formErrors } from './params';

describe('fieldPath', () => {
  it('turns list indexes into numbers', () => {
    expect(fieldPath('ranges.0.end')).toEqual(['ranges', 0, 'end']);
    expect(fieldPath('wechat_templates.fx_arrival')).toEqual(['wechat_templates', 'fx_arrival']);
  });
});

describe('formErrors', () => {
  it('places each server message on its field and words a summary line', () => {
    const result = formErrors({ 'ranges.0': '结束时间须晚于开始时间', notice: '不能为空' }, { notice: '非营业时间提示' });
    expect(result.fields).toEqual([
      { name: ['ranges', 0], errors: ['结束时间须晚于开始时间'] },
      { name: ['notice'], errors: ['不能为空'] },
    ]);
    expect(result.lines).toEqual(['营业时段第 1 项：结束时间须晚于开始时间', '非营业时间提示：不能为空']);
  });
  it('names list items of announcements', () => {
    expect(errorPlace('items.2.title', {})).toBe('公告第 3 项');
  });
});
