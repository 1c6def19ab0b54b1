// Publication dates as the inputs write them, to YYYY-MM-DD: ISO 8601, RFC 822 (feeds, HTTP), and
// with a --date-format pattern such as M/D/YYYY for exports that write 4/20/2017.
import { escapeRegExp } from '../core/regex.js';

const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/;
const ISO_COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:T|\s|$)/;
const SLASHED_YMD = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;

/** YYYY-MM-DD when y-m-d is a real day (2016-02-31 is not), else null. */
export function day(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date string to YYYY-MM-DD, or null when it is not a date (or ambiguous without a format). */
export function parseDate(s: string, format?: string): string | null {
  if (format) {
    const r = withFormat(s, format);
    if (r) return r;
  }
  let m = ISO.exec(s) ?? SLASHED_YMD.exec(s) ?? ISO_COMPACT.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  // RFC 822 and other written forms with a month name ("Wed, 05 Apr 2017 10:00:00 GMT").
  if (/[a-z]{3}/i.test(s) && /\d{4}/.test(s) && s.length < 80) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      const d = new Date(t);
      // The day as written, not shifted by a time zone.
      m = /\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(s);
      if (m) {
        const month = new Date(`${m[2]} 1, 2000`).getMonth() + 1;
        if (month >= 1) return day(Number(m[3]), month, Number(m[1]));
      }
      return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  }
  return null;
}

const formatCache = new Map<string, { re: RegExp; order: string[] } | null>();

function compile(format: string): { re: RegExp; order: string[] } | null {
  let cached = formatCache.get(format);
  if (cached !== undefined) return cached;
  const order: string[] = [];
  let src = '';
  const tokens = /YYYY|YY|MM|M|DD|D/g;
  let last = 0;
  for (let t = tokens.exec(format); t; t = tokens.exec(format)) {
    src += escapeRegExp(format.slice(last, t.index));
    order.push(t[0][0]);
    src += t[0] === 'YYYY' ? '(\\d{4})' : t[0] === 'YY' ? '(\\d{2})' : t[0].length === 2 ? '(\\d{2})' : '(\\d{1,2})';
    last = t.index + t[0].length;
  }
  src += escapeRegExp(format.slice(last));
  cached = order.includes('Y') && order.includes('M') && order.includes('D') ? { re: new RegExp(`^\\s*${src}(?!\\d)`), order } : null;
  formatCache.set(format, cached);
  return cached;
}

/** True when the pattern has a year, a month and a day (YYYY, M or MM, D or DD). */
export function validDateFormat(format: string): boolean {
  return compile(format) != null;
}

function withFormat(s: string, format: string): string | null {
  const f = compile(format);
  if (!f) return null;
  const m = f.re.exec(s);
  if (!m) return null;
  let y = 0;
  let mo = 0;
  let d = 0;
  f.order.forEach((k, i) => {
    const v = Number(m[i + 1]);
    if (k === 'Y') y = v < 100 ? 2000 + v : v;
    else if (k === 'M') mo = v;
    else d = v;
  });
  return day(y, mo, d);
}

/**
 * For a column of dates written n/n/yyyy: the format that reads them all, when the values decide it
 * (some first number above 12: D/M/YYYY; some second number above 12: M/D/YYYY), else undefined.
 */
export function guessSlashedFormat(values: string[]): string | undefined {
  let firstBig = false;
  let secondBig = false;
  let sep = '';
  for (const v of values) {
    const m = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})/.exec(v);
    if (!m) continue;
    sep = m[2];
    if (Number(m[1]) > 12) firstBig = true;
    if (Number(m[3]) > 12) secondBig = true;
  }
  if (!sep || firstBig === secondBig) return undefined;
  return firstBig ? `D${sep}M${sep}YYYY` : `M${sep}D${sep}YYYY`;
}
