// Parsing and validating claim filters from strings (command-line options, URL query parameters),
// shared by `sitrep export` and the HTTP API so that both accept and refuse the same things.
import type { ClaimFilter } from './store.js';

/** The review statuses a filter may ask for (wire.ts REVIEWED; written here to keep filters free of zod). */
export const REVIEW_STATUSES = ['pending', 'accepted', 'corrected', 'rejected', 'added'] as const;

export const CATEGORIES = ['killed', 'injured', 'displaced', 'detained', 'abducted', 'missing', 'trapped', 'affected', 'casualties', 'vehicles', 'other'] as const;

export class FilterError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 200;

function validDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Raw values: one string or several (repeated option / parameter). */
export type RawFilter = Partial<Record<keyof ClaimFilter, string | string[] | undefined>>;

export function parseFilter(raw: RawFilter): ClaimFilter {
  const f: ClaimFilter = {};
  const one = (k: keyof ClaimFilter): string | undefined => {
    const v = raw[k];
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    if (s == null || s === '') return undefined;
    if (s.length > MAX_TEXT) throw new FilterError(k, `is longer than ${MAX_TEXT} characters`);
    return s;
  };
  const cats = raw.category == null ? [] : (Array.isArray(raw.category) ? raw.category : [raw.category]).flatMap((c) => c.split(',')).map((c) => c.trim().toLowerCase()).filter(Boolean);
  for (const c of cats) {
    if (!(CATEGORIES as readonly string[]).includes(c)) throw new FilterError('category', `unknown category "${c.slice(0, 40)}"; known: ${CATEGORIES.join(', ')}`);
  }
  if (cats.length) f.category = [...new Set(cats)];
  const reviewed = raw.reviewed == null ? [] : (Array.isArray(raw.reviewed) ? raw.reviewed : [raw.reviewed]).flatMap((c) => c.split(',')).map((c) => c.trim().toLowerCase()).filter(Boolean);
  for (const r of reviewed) {
    if (!(REVIEW_STATUSES as readonly string[]).includes(r)) throw new FilterError('reviewed', `unknown review status "${r.slice(0, 40)}"; known: ${REVIEW_STATUSES.join(', ')}`);
  }
  if (reviewed.length) f.reviewed = [...new Set(reviewed)];
  for (const k of ['since', 'until'] as const) {
    const v = one(k);
    if (v == null) continue;
    if (!validDay(v)) throw new FilterError(k, `must be a day YYYY-MM-DD, got "${v.slice(0, 40)}"`);
    f[k] = v;
  }
  if (f.since && f.until && f.since > f.until) throw new FilterError('until', `is before since (${f.since} > ${f.until})`);
  for (const k of ['source', 'outlet', 'place', 'q', 'document'] as const) {
    const v = one(k);
    if (v != null) f[k] = v;
  }
  return f;
}
