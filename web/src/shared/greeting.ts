/** 早上好 / 中午好 / 下午好 / 晚上好 for the hour of `now`. */
export function greeting(now: Date = new Date()): string {
  const h = now.getHours();
  if (h >= 5 && h < 11) return '早上好';
  if (h >= 11 && h < 13) return '中午好';
  if (h >= 13 && h < 18) return '下午好';
  return '晚上好';
}

/** The server's `RegistrationStatus` codes (merchants/models.py). */
const REGISTRATION: Record<string, { text: string; color: string }> = {
  not_started: { text: '未办理工商注册', color: 'default' },
  in_progress: { text: '工商注册办理中', color: 'processing' },
  rejected: { text: '工商注册被驳回', color: 'error' },
  approved: { text: '工商注册已核准', color: 'success' },
};

/** A tag for the merchant's 工商注册 state; null when nothing sensible can be said. */
export function registrationLabel(status: string | null | undefined, approved: boolean | undefined): { text: string; color: string } | null {
  if (approved) return REGISTRATION.approved;
  if (status && REGISTRATION[status]) return REGISTRATION[status];
  return approved === false ? { text: '工商注册未核准', color: 'warning' } : null;
}
