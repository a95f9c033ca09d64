import { describe, expect, it } from 'vitest';
import { firstErrorStep, formErrors, navOf, ocrToValues, problemLines, refusedFile, resumeAt, stepDone } from './logic';

describe('refusedFile', () => {
  it('accepts a JPG or PNG photo', () => {
    expect(refusedFile({ name: 'a.jpg', type: 'image/jpeg', size: 1000 })).toBeNull();
    expect(refusedFile({ name: 'a.png', type: 'image/png', size: 1000 })).toBeNull();
  });
  it('refuses other types, empty and too large files in Chinese', () => {
    expect(refusedFile({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toContain('不是 JPG 或 PNG 图片');
    expect(refusedFile({ name: 'a.heic', type: 'image/heic', size: 10 })).toContain('a.heic');
    expect(refusedFile({ name: 'a.png', type: 'image/png', size: 0 })).toContain('空文件');
    expect(refusedFile({ name: 'a.png', type: 'image/png', size: 11 * 1024 * 1024 })).toContain('超过 10 MB');
  });
  it('accepts a PDF only where asked', () => {
    expect(refusedFile({ name: 'a.pdf', type: 'application/pdf', size: 10 }, { pdf: true })).toBeNull();
  });
});

describe('ocrToValues', () => {
  it('maps recognised keys to form fields and drops empty or unknown ones', () => {
    const values = ocrToValues(
      [
        { key: 'credit_code', value: '91320722MA1XYK1234' },
        { key: 'legal_representative', value: ' 林晶莹 ' },
        { key: 'address', value: '' },
        { key: 'unknown', value: 'x' },
      ],
      { credit_code: 'credit_code', legal_representative: 'legal_person', address: 'address' },
    );
    expect(values).toEqual({ credit_code: '91320722MA1XYK1234', legal_person: '林晶莹' });
  });
});

describe('formErrors', () => {
  it('keeps the errors of the step, without the step prefix', () => {
    expect(formErrors({ 'operator.operator_phone': '请填写正确的手机号或座机号', 'name.region': 'x' }, 'operator')).toEqual([
      { name: 'operator_phone', errors: ['请填写正确的手机号或座机号'] },
    ]);
  });
  it('falls back to unprefixed profile fields (confirm-ocr)', () => {
    expect(formErrors({ credit_code: '格式不对', 'bank.bank_name': 'y' }, 'licence')).toEqual([
      { name: 'credit_code', errors: ['格式不对'] },
    ]);
  });
});

describe('wizard navigation', () => {
  const steps = [{ key: 'name' }, { key: 'operator' }, { key: 'business' }, { key: 'materials' }];
  it('finds the first step with an error in step order', () => {
    expect(firstErrorStep({ 'materials.premises_proof': '请选择文件', 'operator.operator_name': '必填' }, steps)).toBe(1);
    expect(firstErrorStep({ other: 'x' }, steps)).toBe(-1);
  });
  it('resumes at the saved step, clamped to the summary screen', () => {
    expect(resumeAt(2, 4)).toBe(2);
    expect(resumeAt(9, 4)).toBe(4);
    expect(resumeAt(-1, 4)).toBe(0);
    expect(resumeAt(undefined, 4)).toBe(0);
  });
  it('labels the buttons of each screen', () => {
    expect(navOf(0, 4)).toEqual({ back: false, confirm: false, next: '保存并下一步' });
    expect(navOf(2, 4)).toEqual({ back: true, confirm: false, next: '保存并下一步' });
    expect(navOf(4, 4)).toEqual({ back: true, confirm: true, next: '确认提交' });
  });
});

describe('problemLines and stepDone', () => {
  it('names the step and the field of each missing value', () => {
    expect(problemLines({ 'bank.bank_name': '请填写开户银行' }, { bank: '开户许可证' }, { bank_name: '开户银行' })).toEqual([
      '开户许可证·开户银行：请填写开户银行',
    ]);
  });
  it('counts a step done once a required value was saved', () => {
    expect(stepDone(undefined, ['name'])).toBe(false);
    expect(stepDone({ name: '' }, ['name'])).toBe(false);
    expect(stepDone({ name: '东海晶莹' }, ['name'])).toBe(true);
  });
});
