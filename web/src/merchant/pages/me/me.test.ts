import { describe, expect, it } from 'vitest';
import { idNumberValid, isMerchantAdmin } from './me';
import type { Me } from '@/shared/api/types';

describe('idNumberValid', () => {
  it('accepts the textbook number with an X check character, in either case', () => {
    expect(idNumberValid('11010519491231002X')).toBe(true);
    expect(idNumberValid('11010519491231002x')).toBe(true);
  });
  it('refuses a wrong check character or a short number', () => {
    expect(idNumberValid('110105194912310021')).toBe(false);
    expect(idNumberValid('1101051949')).toBe(false);
  });
});

describe('isMerchantAdmin', () => {
  const me = (role: string, current = true) => ({ memberships: [{ merchant_id: 1, merchant_name: 'x', role, role_label: '', current }] }) as unknown as Me;
  it('is true only for the admin of the current merchant', () => {
    expect(isMerchantAdmin(me('admin'))).toBe(true);
    expect(isMerchantAdmin(me('member'))).toBe(false);
    expect(isMerchantAdmin(me('admin', false))).toBe(false);
  });
});
