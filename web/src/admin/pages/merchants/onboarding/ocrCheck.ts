/** Comparing what a document was read as (OCR) with what the merchant filled in. */

/** OCR key → the fields it should agree with (in any step of the application), per document kind. */
export const OCR_FIELDS: Record<string, Record<string, string[]>> = {
  business_licence: {
    credit_code: ['credit_code'],
    name: ['name'],
    company_type: ['company_type'],
    legal_representative: ['legal_person', 'operator_name'],
    address: ['address'],
    established_on: ['established_on'],
  },
  id_card_front: { name: ['legal_person', 'operator_name'], id_number: ['legal_person_id_number', 'operator_id_number'] },
  id_card_back: { valid_period: ['legal_person_id_valid'] },
  bank_permit: { bank: ['bank_name'], account_number: ['bank_account'] },
};

/** The first non-empty value of any of `fields` across the application's steps. */
export function filledValue(data: Record<string, Record<string, unknown> | undefined>, fields: string[]): string {
  for (const step of Object.values(data)) {
    for (const f of fields) {
      const v = step?.[f];
      if (v !== undefined && v !== null && v !== '') return String(v);
    }
  }
  return '';
}

/** 'same' / 'different', or null when one side is missing. Case and blanks do not count. */
export function agreement(read: string, filled: string): 'same' | 'different' | null {
  if (!read || !filled) return null;
  const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();
  return norm(read) === norm(filled) ? 'same' : 'different';
}
