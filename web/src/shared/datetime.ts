/**
 * The one date format people see, on every surface: 「2026-12-05 13:15」 in Beijing time (the
 * platform's zone, whatever the browser's). Dates alone: 「2026-12-05」.
 */
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function pieces(value: string | number | Date): Record<string, string> | null {
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  return Object.fromEntries(parts.formatToParts(at).map((p) => [p.type, p.value]));
}

/** 「YYYY-MM-DD HH:mm」 (with `seconds`: 「YYYY-MM-DD HH:mm:ss」); 「—」 for nothing. */
export function formatDateTime(value: string | number | Date | null | undefined, seconds = false): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = pieces(value);
  if (!p) return String(value);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** 「YYYY-MM-DD」; 「—」 for nothing. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = pieces(value);
  if (!p) return String(value);
  return `${p.year}-${p.month}-${p.day}`;
}
