// Other spellings of region names, made when the gazetteer is built (data/geo/admin-names.json): a name
// opening with a compass word in one form is also known in the others ("Nord Kivu" → "North Kivu",
// "Northern Kivu", "Nord-Kivu"), and a name ending or opening with a generic word is also known without it
// ("Masisi Territory" → "Masisi", "Province de la Tapoa" → "Tapoa").
// A spelling is added only where no place already has that name (by
// the transliteration-tolerant key), so it fills gaps and never takes a name from a city.
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import type { Translit } from './normalize.js';
import type { RawEntry } from './build.js';

interface AdminNames {
  directions: string[][];
  suffixes: string[];
  prefixes: string[];
  minBareLength: number;
  compassWords: string[];
}

function loadAdminNames(): AdminNames | null {
  const file = dataPath('geo', 'admin-names.json');
  if (!existsSync(file)) return null;
  const d = JSON.parse(readFileSync(file, 'utf8')) as Partial<AdminNames>;
  return { directions: d.directions ?? [], suffixes: d.suffixes ?? [], prefixes: d.prefixes ?? [], minBareLength: d.minBareLength ?? 4, compassWords: d.compassWords ?? [] };
}

/** The spellings of one region name: without a generic last word or opening (an alternate name, true, for a
 * second-level region), and with its compass word in each form (a full name: false). */
export function adminSpellings(name: string, d: AdminNames, firstLevel = false): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const bases = [name];
  // the name left when a generic word goes: long enough and more than compass words
  const addBare = (bare: string) => {
    const compass = bare.toLowerCase().split(/[\s-]+/).every((w) => d.compassWords.includes(w));
    if (bare.replace(/[^\p{L}]/gu, '').length < d.minBareLength || compass) return;
    out.set(bare, !firstLevel);
    bases.push(bare);
  };
  const space = name.lastIndexOf(' ');
  if (space > 0 && d.suffixes.some((x) => x.toLowerCase() === name.slice(space + 1).toLowerCase())) addBare(name.slice(0, space).trim());
  // "Province de la Tapoa", "Departamento de Antioquia": the name after a generic opening (the longest that fits)
  const lower = name.toLowerCase();
  const pre = d.prefixes.filter((x) => lower.startsWith(x.toLowerCase()) && (x.endsWith("'") || name[x.length] === ' ')).sort((a, b) => b.length - a.length)[0];
  if (pre) addBare(name.slice(pre.length).trim());
  for (const base of bases) {
    const m = /^(\p{L}+)[ -](.+)$/u.exec(base);
    if (!m) continue;
    const group = d.directions.find((g) => g.some((x) => x.toLowerCase() === m[1].toLowerCase()));
    // "North" alone, or a direction before a direction, is no name
    if (!group || m[2].toLowerCase().split(/[\s-]+/).every((w) => d.compassWords.includes(w) || d.directions.some((g) => g.some((x) => x.toLowerCase() === w)))) continue;
    const alt = base !== name && !firstLevel;
    for (const form of group) {
      for (const v of [`${form} ${m[2]}`, `${form}-${m[2]}`]) if (!out.has(v)) out.set(v, alt);
    }
  }
  out.delete(name);
  return out;
}

/** Adds the other spellings of every first- and second-level region whose key no place holds yet. */
export function addAdminVariants(entries: RawEntry[], tr: Translit): void {
  const d = loadAdminNames();
  if (!d) return;
  const taken = new Set<string>();
  for (const e of entries) for (const [n] of e.names) taken.add(tr.key(n));
  const added = new Map<string, RawEntry>();
  for (const e of entries) {
    if (e.fcode !== 'ADM1' && e.fcode !== 'ADM2') continue;
    for (const [n, alt] of [...e.names]) {
      if (alt) continue;
      for (const [v, valt] of adminSpellings(n, d, e.fcode === 'ADM1')) {
        const k = tr.key(v);
        if (!k || taken.has(k)) continue;
        // two regions would share the spelling: neither gets it ("North District" of two countries)
        const other = added.get(k);
        if (other && other !== e) {
          other.names = other.names.filter(([x]) => tr.key(x) !== k);
          taken.add(k);
          continue;
        }
        added.set(k, e);
        e.names.push([v, valt]);
      }
    }
  }
}
