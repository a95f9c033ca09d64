import type { Me } from '@/shared/api/types';
import { formatDateTime } from '@/shared/datetime';

/** Whether the person is 管理员 of the merchant they act for (the server enforces it; this only hides buttons). */
export function isMerchantAdmin(me: Me): boolean {
  return me.memberships.some((m) => m.current && m.role === 'admin');
}

export const GENDERS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
];

export function formatTime(value: string | null | undefined): string {
  return formatDateTime(value);
}

/** 18 characters, a real birth date and the GB 11643 check character (the server checks the same). */
export function idNumberValid(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const total = weights.reduce((sum, w, i) => sum + w * Number(v[i]), 0);
  return '10X98765432'[total % 11] === v[17];
}
