// UTC calendar arithmetic on day numbers (days since 1970-01-01). No local time zone anywhere.

/** Day number of a calendar date, or null when the date does not exist (31 June). */
export function dayNumber(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / 86400000);
}

export function parseIso(s: string | null | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? dayNumber(+m[1], +m[2], +m[3]) : null;
}

export function toIso(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

export function ymd(day: number): { y: number; m: number; d: number; wd: number } {
  const t = new Date(day * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: t.getUTCDay() };
}

/** Monday of the ISO week holding the day. */
export function weekStart(day: number): number {
  const wd = ymd(day).wd;
  return day - ((wd + 6) % 7);
}

export function monthStart(y: number, m: number): number {
  // normalise month overflow (m = 0 → December of the previous year)
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return dayNumber(yy, mm, 1)!;
}

export function monthEnd(y: number, m: number): number {
  return monthStart(y, m + 1) - 1;
}
