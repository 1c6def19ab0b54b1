#!/usr/bin/env node
// Converts the useful parts of the PETRARCH2 / Phoenix actor dictionaries (MIT, Open Event Data) and
// mordecai's nat_df.csv demonyms (MIT) into our own data files. Run by hand:
//
//   node scripts/convert-petrarch.mjs [../shared/data]
//
// Writes data/en/actors/petrarch.json (armed non-state groups, international organisations, recent
// leaders and officials), data/en/actors/demonyms.json (nationality adjective → ISO alpha-2) and
// data/en/actors/given-names.json (first names of the people in the dictionaries, for name shapes).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shared = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data'));
const outDir = join(root, 'data', 'en', 'actors');
mkdirSync(outDir, { recursive: true });

// ISO alpha-3 → alpha-2 from GeoNames' country table
const a3to2 = new Map();
for (const line of readFileSync(join(shared, 'geonames', 'countryInfo.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const f = line.split('\t');
  if (f[0] && f[1]) a3to2.set(f[1], f[0]);
}

// ---------- PETRARCH parsing ----------
function parseDict(file) {
  const entries = [];
  let cur = null;
  for (let raw of readFileSync(file, 'utf8').split('\n')) {
    raw = raw.replace(/\u001a/g, '');
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\s+$/, '');
    if (!line.trim()) continue;
    if (/^\s*\[/.test(line)) { // code line
      if (cur) cur.codes.push(...[...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].trim()));
      continue;
    }
    if (line.startsWith('+')) {
      if (cur) cur.syn.push(...line.slice(1).split('+').map((s) => s.trim()).filter(Boolean));
      continue;
    }
    if (/^\s/.test(line)) continue;
    const m = /^(\S+)\s*(.*)$/.exec(line);
    cur = { head: m[1], syn: [], codes: [...m[2].matchAll(/\[([^\]]*)\]/g)].map((x) => x[1].trim()) };
    entries.push(cur);
  }
  return entries;
}

// acronyms written inside longer names ("UN Secretary General"), kept in capitals: the source is all
// capitals, and title case made "Un" of them (our lexicon's acronymSpellings lists them)
const ACRONYMS = new Set(Object.keys(JSON.parse(readFileSync(join(outDir, 'lexicon.json'), 'utf8')).acronymSpellings ?? {}));
const SMALL = new Set(['of', 'the', 'for', 'and', 'in', 'on', 'to', 'de', 'al', 'el', 'bin', 'ibn', 'la', 'del', 'du', 'des', 'van', 'von', 'a', 'an', 'at', 'by']);
function display(words) {
  return words
    .map((w, i) => {
      const lw = w.toLowerCase();
      if (ACRONYMS.has(w)) return w;
      if (i > 0 && SMALL.has(lw)) return lw;
      return lw.replace(/(^|[-'])(\p{L})/gu, (_, p, c) => p + c.toUpperCase());
    })
    .join(' ');
}
/** A PETRARCH phrase → {text, acronyms[]} ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" → "Aden Abyan Islamic Army", ["AAIA"]). */
function phrase(p) {
  const acr = [];
  let s = p.replace(/\(([^)]*)\)/g, (_, a) => { if (a.trim()) acr.push(a.replace(/_/g, ' ').trim()); return ' '; });
  s = s.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return { words: s ? s.split(' ') : [], acr };
}
function codeCountry(code) {
  const c3 = code.slice(0, 3);
  return a3to2.get(c3) ?? null;
}
const slug = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// given names are collected from the country file first (a one-word alias that is a given name is dropped)
const givenNames = new Map();
// place names (countries, first-level divisions) never become actor aliases on their own
const placeWords = new Set();
for (const line of readFileSync(join(shared, 'geonames', 'countryInfo.tsv'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f[4] && !line.startsWith('#')) placeWords.add(f[4].toLowerCase());
}
for (const line of readFileSync(join(shared, 'geonames', 'admin1CodesASCII.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f[1]) placeWords.add(f[1].toLowerCase()), placeWords.add((f[2] ?? '').toLowerCase());
}
const out = [];
const seenAlias = new Map();
function add(kind, e, source, extra = {}) {
  const h = phrase(e.head);
  if (!h.words.length) return;
  const name = display(h.words);
  const aliases = new Set([name]);
  const acronyms = new Set();
  for (const a of h.acr) if (/^[A-Z][A-Z.-]{2,4}$/.test(a)) acronyms.add(a);
  for (const s of e.syn) {
    const p = phrase(s);
    if (p.words.length) aliases.add(display(p.words));
    for (const a of p.acr) if (/^[A-Z][A-Z.-]{2,4}$/.test(a)) acronyms.add(a);
  }
  for (const a of acronyms) aliases.add(a);
  const code = e.codes.find((c) => /^[A-Z]{3}/.test(c)) ?? '';
  const country = codeCountry(code);
  const id = `${source}:${slug(name)}`;
  const kept = [];
  for (const a of aliases) {
    const k = a.toLowerCase();
    if (seenAlias.has(k)) continue; // first entry wins an alias
    // one-word aliases are too ambiguous unless they look like a name or an acronym
    // (upper-case source: a one-word alias is kept only when it is a bracketed acronym, a hyphenated
    // name ("Al-Qaeda") or a person's surname of 5+ letters; "Youth", "Tigers", "Colombia" are not)
    if (!a.includes(' ') && !acronyms.has(a) && !(a.includes('-') && a.length >= 6) && !(kind === 'person' && a.length >= 5)) continue;
    if (/\d/.test(a)) continue;
    if (!a.includes(' ') && (givenNames.has(a.toLowerCase()) || placeWords.has(a.toLowerCase()))) continue;
    seenAlias.set(k, id);
    kept.push(a);
  }
  if (!kept.length) return;
  out.push({ id, name, kind, country, aliases: kept, ...extra });
}

// 1. armed non-state groups
const dir = join(shared, 'petrarch2');
for (const e of parseDict(join(dir, 'Phoenix.MilNonState.actors.txt'))) add('group', e, 'pe');

// 2. international organisations and their heads
const dated = (codes) => codes.some((c) => /\d{6}/.test(c));
const recent = (codes) =>
  codes.some((c) => {
    const open = />\s*(\d{2})\d{4}/.exec(c);
    if (open) { const y = +open[1]; return y < 30 && y >= 5; }
    const range = /(\d{2})\d{4}\s*-\s*(\d{2})\d{4}/.exec(c);
    if (range) { const y = +range[2]; return y < 30 && y >= 10; }
    return false;
  });
for (const e of parseDict(join(dir, 'Phoenix.International.actors.txt'))) {
  if (dated(e.codes) || e.codes.some((c) => /ELI/.test(c))) {
    if (recent(e.codes)) add('person', e, 'pe');
  } else if (e.codes.some((c) => /^(IGO|NGO|INT|UNO)/.test(c))) add('organization', e, 'pe');
}

// 3. country file: only people in office after 2005 (not the 18k dated officials)
const countryEntries = parseDict(join(dir, 'Phoenix.Countries.actors.txt'));
const isPersonCodes = (codes) => dated(codes) && codes.some((c) => /^[A-Z]{6}/.test(c));
for (const e of countryEntries) {
  const h = phrase(e.head);
  if (isPersonCodes(e.codes) && h.words.length >= 2 && h.words.length <= 4) {
    const first = h.words[0].toLowerCase();
    if (/^\p{L}{2,}$/u.test(first) && !SMALL.has(first)) givenNames.set(first, (givenNames.get(first) ?? 0) + 1);
  }
}
for (const n of [...givenNames.keys()]) if ((givenNames.get(n) ?? 0) < 2) givenNames.delete(n);
for (const e of countryEntries) {
  if (!isPersonCodes(e.codes) || !recent(e.codes)) continue;
  const hw = phrase(e.head).words;
  if (hw.length < 2 || hw.length > 5 || /^the$/i.test(hw[0]) || placeWords.has(hw.join(' ').toLowerCase())) continue;
  if (e.codes.some((c) => /^[A-Z]{3}(REB|INS|UAF|IMG)/.test(c))) continue;
  const code = e.codes.find((c) => />/.test(c) || /-\s*1\d/.test(c)) ?? e.codes[0] ?? '';
  const role = /MIL/.test(code.slice(3)) ? 'military' : /GOV|ELI/.test(code.slice(3)) ? 'government' : undefined;
  add('person', e, 'pe', role ? { role } : {});
}

writeFileSync(
  join(outDir, 'petrarch.json'),
  JSON.stringify({
    source: 'Converted by scripts/convert-petrarch.mjs from PETRARCH2 Phoenix dictionaries (openeventdata/petrarch2 @ 676801c, MIT, (c) 2014 Open Event Data): MilNonState (all), International (intergovernmental and non-governmental organisations, not companies; heads in office after 2005), Countries (people in office after 2005 only)',
    about: 'Actor dictionary entries: id, canonical name, kind, ISO alpha-2 country, aliases. Matched case-sensitively on capitalised words; one-word aliases under 4 letters only as acronyms.',
    license: 'MIT',
    entries: out,
  }) + '\n',
);

const names = [...givenNames.keys()].filter((n) => n.length >= 3 && !placeWords.has(n)).sort();
writeFileSync(
  join(outDir, 'given-names.json'),
  JSON.stringify({
    source: 'First words of the dated person headwords of PETRARCH2 Phoenix.Countries.actors.txt (MIT), seen at least twice; converted by scripts/convert-petrarch.mjs',
    about: 'Lower-case given names, used to recognise person-name shapes the dictionary lacks.',
    license: 'MIT',
    names,
  }) + '\n',
);

// ---------- demonyms (mordecai nat_df.csv, with its known defects fixed) ----------
const dem = {};
const lines = readFileSync(join(shared, 'demonyms', 'nat_df.csv'), 'utf8').split('\n').slice(1);
for (let line of lines) {
  if (!line.trim()) continue;
  if (line === 'BermudianBMU') line = 'Bermudian,BMU';
  const [nat, code] = line.split(',').map((s) => s.trim());
  const a2 = a3to2.get(code);
  if (!nat || !a2) continue;
  if (nat === 'Congolese' && code !== 'COD') continue; // ambiguous: keep DR Congo
  if (nat === 'Dominican' && code !== 'DOM') continue; // ambiguous: keep the Dominican Republic
  dem[nat] = a2;
}
writeFileSync(
  join(outDir, 'demonyms.json'),
  JSON.stringify({
    source: 'openeventdata/mordecai @ 9d37110 mordecai/data/nat_df.csv (MIT, (c) 2017 Andy Halterman, 2015 Caerus Associates), converted by scripts/convert-petrarch.mjs: alpha-3 → alpha-2 via GeoNames countryInfo; fixed "BermudianBMU" and "Réunionese, REU"; ambiguous Congolese → CD, Dominican → DO',
    about: 'Nationality adjective → ISO 3166-1 alpha-2, for demonym-led forces ("Syrian forces").',
    license: 'MIT',
    demonyms: dem,
  }, null, 0) + '\n',
);
// ---------- country names (GeoNames countryInfo, CC BY 4.0) for "Syria's army" ----------
const countries = {};
for (const line of readFileSync(join(shared, 'geonames', 'countryInfo.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const f = line.split('\t');
  if (f[0] && f[4] && !/^(CS|AN)$/.test(f[0])) countries[f[4]] = f[0];
}
writeFileSync(
  join(outDir, 'countries.json'),
  JSON.stringify({
    source: 'GeoNames countryInfo (via ../shared/data/geonames/countryInfo.tsv), CC BY 4.0, data from GeoNames (https://www.geonames.org); converted by scripts/convert-petrarch.mjs',
    about: "Country name → ISO 3166-1 alpha-2, for a country's possessive before a force noun (\"Syria's army\").",
    license: 'CC BY 4.0',
    countries,
  }) + '\n',
);
console.log(`petrarch.json: ${out.length} entries; given-names.json: ${names.length}; demonyms.json: ${Object.keys(dem).length}`);
