import { describe, expect, it } from 'vitest';
import { agreement, filledValue, OCR_FIELDS } from './ocrCheck';

describe('OCR check of the review drawer', () => {
  it('finds the filled value of an OCR field in any step', () => {
    const data = { licence: { credit_code: '' }, operator: { operator_name: '赵新晶' } };
    expect(filledValue(data, OCR_FIELDS.business_licence.legal_representative)).toBe('赵新晶');
    expect(filledValue(data, OCR_FIELDS.business_licence.credit_code)).toBe('');
  });

  it('ignores case and blanks, and says nothing when a side is missing', () => {
    expect(agreement('91320722ma1xyk1234', '91320722MA1XYK1234')).toBe('same');
    expect(agreement('水晶路 88 号', '水晶路88号')).toBe('same');
    expect(agreement('林晶莹', '林晶')).toBe('different');
    expect(agreement('', '林晶莹')).toBeNull();
  });
});
