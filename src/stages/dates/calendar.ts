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

/** "YYYY-MM-DD" of a day number: the civil date computed in 400-year eras (no Date object); Date's own
 * form outside the years 1000-9999 or for a fractional day. */
export function toIso(day: number): string {
  if (!Number.isInteger(day)) return new Date(day * 86400000).toISOString().slice(0, 10);
  const z = day + 719468; // days since 0000-03-01, a year that starts in March puts the leap day last
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // day of the era, 0..146096
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // day of the March-based year
  const mp = Math.floor((5 * doy + 2) / 153); // month from March, 0..11
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1000 || y > 9999) return new Date(day * 86400000).toISOString().slice(0, 10);
  return y + (m < 10 ? '-0' : '-') + m + (d < 10 ? '-0' : '-') + d;
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
