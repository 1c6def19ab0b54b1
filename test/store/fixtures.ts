// Hand-annotated analyses of the team's example reports (examples/*.json), so that the store, server
// and browser tests see claims, places, actors, statements and framing whatever state the extraction
// stages are in. Spans are found in the text by search, so the offsets are always the real ones.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { emptyAnalysis, type Analysis, type ClaimCategory, type Document, type GeoPrecision } from '../../src/core/types.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

const GAZ: Record<string, { id: number; lat: number; lon: number; kind: string; country: string }> = {
  Ariha: { id: 9000001, lat: 35.8134, lon: 36.6074, kind: 'town', country: 'SY' },
  Idlib: { id: 9000002, lat: 35.9306, lon: 36.6339, kind: 'city', country: 'SY' },
  Hama: { id: 9000003, lat: 35.1318, lon: 36.7578, kind: 'city', country: 'SY' },
  Kafranbel: { id: 9000004, lat: 35.6139, lon: 36.5592, kind: 'village', country: 'SY' },
  Sarmada: { id: 9000005, lat: 36.1867, lon: 36.7225, kind: 'town', country: 'SY' },
  Atmeh: { id: 9000006, lat: 36.2156, lon: 36.6811, kind: 'village', country: 'SY' },
};

interface ClaimSpec {
  q: string;
  cat: ClaimCategory;
  who: string;
  min: number | null;
  max: number | null;
  approx?: boolean;
  source?: string;
  place?: string;
  date?: string;
  hedged?: boolean;
}

interface Spec {
  places: [string, GeoPrecision, string?][];
  actors: [string, string, string][];
  statements: [string, string][];
  claims: ClaimSpec[];
  framing: [string, string, string?][];
}

const SPECS: Record<string, Spec> = {
  'example-wire-ariha-strike': {
    places: [['Ariha', 1], ['IDLIB', 3], ['Idlib province', 3]],
    actors: [['Syrian Observatory for Human Rights', 'SOHR', 'organization'], ['White Helmets', 'WHITE_HELMETS', 'organization'], ['SANA', 'SANA', 'organization']],
    statements: [['said more than 40 people were wounded', 'said'], ['said its volunteers pulled 11 bodies', 'said']],
    claims: [
      { q: 'at least 18', cat: 'killed', who: 'civilians', min: 18, max: null, source: 'war monitor', place: 'Ariha', date: '2024-03-11' },
      { q: 'more than 40', cat: 'injured', who: 'people', min: 41, max: null, source: 'Syrian Observatory for Human Rights', place: 'Ariha', date: '2024-03-11' },
      { q: '11 bodies', cat: 'killed', who: 'bodies', min: 11, max: 11, source: 'White Helmets', place: 'Ariha' },
      { q: 'About 3,000', cat: 'displaced', who: 'people', min: 3000, max: 3000, approx: true, source: 'OCHA', place: 'Ariha' },
    ],
    framing: [['terrorist groups', 'delegitimising label', 'armed opposition']],
  },
  'example-state-ariha': {
    places: [['Idlib', 3], ['Ariha', 2, 'near'], ['Hama', 3]],
    actors: [['SANA', 'SANA', 'organization']],
    statements: [['said dozens of terrorists were killed', 'said']],
    claims: [
      { q: 'dozens of terrorists', cat: 'killed', who: 'terrorists', min: 24, max: null, approx: true, source: 'military source', place: 'Ariha', date: '2024-03-11' },
      { q: 'Three vehicles', cat: 'vehicles', who: 'vehicles', min: 3, max: 3, source: 'military source', place: 'Ariha', date: '2024-03-11' },
      { q: '250 families', cat: 'displaced', who: 'families', min: 250, max: 250, source: 'governor of Hama', place: 'Hama' },
    ],
    framing: [['terrorist organizations', 'delegitimising label', 'armed opposition'], ['so-called', 'scare word']],
  },
  'example-opposition-ariha': {
    places: [['Ariha', 1], ['Idlib', 3], ['Kafranbel', 1]],
    actors: [['Idlib Health Directorate', 'IDLIB_HEALTH', 'organization'], ['National Front for Liberation', 'NFL', 'group']],
    statements: [['said the death toll had risen to 23', 'said']],
    claims: [
      { q: 'At least 23', cat: 'killed', who: 'civilians', min: 23, max: null, source: 'local activists', place: 'Ariha', date: '2024-03-11' },
      { q: '47 people', cat: 'injured', who: 'people', min: 47, max: 47, source: 'Idlib Health Directorate', place: 'Ariha' },
      { q: 'seven soldiers', cat: 'killed', who: 'soldiers', min: 7, max: 7, source: 'National Front for Liberation', place: 'Kafranbel' },
      { q: 'Thousands of families', cat: 'displaced', who: 'families', min: 2000, max: null, approx: true, source: 'activists', place: 'Ariha' },
    ],
    framing: [['martyred', 'loaded verb', 'killed'], ['regime', 'delegitimising label', 'government']],
  },
  'example-ngo-update': {
    places: [['Ariha', 1], ['Sarmada', 1], ['Atmeh', 1]],
    actors: [['UNHCR', 'UNHCR', 'organization'], ['OCHA', 'OCHA', 'organization'], ['White Helmets', 'WHITE_HELMETS', 'organization']],
    statements: [['OCHA said 26 people were killed', 'said']],
    claims: [
      { q: 'nearly 6,000', cat: 'displaced', who: 'people', min: 6000, max: 6000, approx: true, source: 'UNHCR', place: 'Ariha', date: '2024-03-14' },
      { q: '26 people', cat: 'killed', who: 'people', min: 26, max: 26, source: 'OCHA', place: 'Ariha', date: '2024-03-11' },
      { q: 'more than 60', cat: 'injured', who: 'people', min: 61, max: null, source: 'OCHA', place: 'Ariha', date: '2024-03-11' },
      { q: 'An aid worker', cat: 'killed', who: 'aid worker', min: 1, max: 1, place: 'Ariha', date: '2024-03-13', hedged: true },
      { q: 'Around 120', cat: 'missing', who: 'people', min: 120, max: 120, approx: true, source: 'White Helmets' },
    ],
    framing: [],
  },
  'example-wire-copy-ariha': {
    places: [['Ariha', 1], ['IDLIB', 3]],
    actors: [['Syrian Observatory for Human Rights', 'SOHR', 'organization'], ['White Helmets', 'WHITE_HELMETS', 'organization']],
    statements: [],
    claims: [
      { q: 'at least 18', cat: 'killed', who: 'civilians', min: 18, max: null, source: 'war monitor', place: 'Ariha', date: '2024-03-11' },
      { q: 'more than 40', cat: 'injured', who: 'people', min: 41, max: null, source: 'Syrian Observatory for Human Rights', place: 'Ariha', date: '2024-03-11' },
    ],
    framing: [],
  },
};

export function exampleDocs(): Document[] {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      return { id: r.id, text: r.text, outlet: r.outlet, published: r.published, title: r.title, url: r.url, origin: { file: `examples/${f}` } };
    });
}

function spanOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length };
}

function sentenceAround(text: string, at: number): { start: number; end: number; index: number } {
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && !(text[start - 2] === '.' && text[start - 1] === ' ')) start--;
  let end = at;
  while (end < text.length && text[end] !== '\n' && !(text[end] === '.' && (text[end + 1] === ' ' || text[end + 1] === '\n' || end + 1 === text.length))) end++;
  if (text[end] === '.') end++;
  const index = text.slice(0, start).split(/\.\s|\n/).length - 1;
  return { start, end, index };
}

/** One example analysed by hand. */
export function annotate(doc: Document): Analysis {
  const a = emptyAnalysis(doc);
  const spec = SPECS[doc.id];
  if (!spec) return a;
  const t = doc.text;
  const rule = (kind: string, s: { start: number; end: number }) => [{ rule: `fixture.${kind}`, span: { start: s.start, end: s.end } }];
  for (const [name, precision, qualifier] of spec.places) {
    const s = spanOf(t, name);
    const base = name.split(' ')[0];
    const g = GAZ[base[0] + base.slice(1).toLowerCase()];
    a.places.push({
      ...s,
      text: name,
      name: g ? base[0] + base.slice(1).toLowerCase() : name,
      geonameId: g?.id ?? null,
      country: g?.country ?? null,
      lat: g?.lat ?? null,
      lon: g?.lon ?? null,
      kind: name.endsWith('province') ? 'admin1' : g?.kind ?? 'area',
      precision,
      qualifier,
      candidates: [],
      evidence: rule('gazetteer', s),
    });
  }
  for (const [name, id, kind] of spec.actors) {
    const s = spanOf(t, name);
    a.actors.push({ ...s, text: name, id, name, kind: kind as 'organization', evidence: rule('actor-dictionary', s) });
  }
  for (const [content, verb] of spec.statements) {
    const s = spanOf(t, content);
    a.statements.push({ ...s, cue: { start: s.start, end: s.start + verb.length, text: verb }, verb, direct: false, speaker: null, evidence: rule('reporting-verb', s) });
  }
  for (const c of spec.claims) {
    const q = spanOf(t, c.q);
    const sent = sentenceAround(t, q.start);
    const placeMention = c.place ? a.places.find((p) => p.name === c.place) ?? null : null;
    const src = c.source ? t.indexOf(c.source) : -1;
    a.claims.push({
      start: sent.start,
      end: sent.end,
      quantity: { ...q, text: c.q },
      value: { min: c.min, max: c.max, approx: c.approx ?? false },
      category: c.cat,
      who: c.who,
      source: c.source ? { name: c.source, ...(src >= 0 ? { start: src, end: src + c.source.length } : {}) } : null,
      hedged: c.hedged ?? false,
      place: placeMention ? { name: placeMention.name, text: placeMention.text, geonameId: placeMention.geonameId, start: placeMention.start, end: placeMention.end } : null,
      date: c.date ?? null,
      sentence: sent.index,
      evidence: rule(`claim.${c.cat}`, q),
    });
  }
  for (const [term, category, target] of spec.framing) {
    const s = spanOf(t, term);
    a.framing.push({ ...s, text: term, category, target, evidence: rule('loaded-terms', s) });
  }
  if (a.claims.some((c) => c.category === 'killed')) {
    const first = a.claims.findIndex((c) => c.category === 'killed');
    const c = a.claims[first];
    const g = c.place?.geonameId != null ? Object.values(GAZ).find((x) => x.id === c.place!.geonameId) : undefined;
    a.events.push({
      start: c.start,
      end: c.end,
      type: 'Explosions/Remote violence',
      subtype: 'Air/drone strike',
      place: c.place && g ? { name: c.place.name, geonameId: c.place.geonameId, country: 'SY', lat: g.lat, lon: g.lon, precision: 1 } : null,
      date: c.date,
      claims: [first],
      fatalities: c.value.min,
      sources: c.source ? [c.source.name] : [],
      evidence: rule('event.strike', c),
    });
  }
  return a;
}

export function annotatedExamples(): Analysis[] {
  return exampleDocs().map(annotate);
}

/** A synthetic analysis with n claims spread over days and places, for volume tests. */
export function syntheticAnalysis(i: number, claimsPerDoc = 5): Analysis {
  const names = Object.keys(GAZ);
  const cats: ClaimCategory[] = ['killed', 'injured', 'displaced', 'detained', 'missing'];
  const sentences: string[] = [];
  const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  for (let k = 0; k < claimsPerDoc; k++) sentences.push(`Report ${i} item ${k}: ${k + 3} people were ${cats[k % cats.length]} in ${names[(i + k) % names.length]}, a monitor said.`);
  const text = sentences.join('\n');
  const a = emptyAnalysis({ id: `synthetic-${i}`, text, published: day, outlet: `Outlet ${i % 7}` });
  let at = 0;
  sentences.forEach((s, k) => {
    const name = names[(i + k) % names.length];
    const g = GAZ[name];
    const ps = text.indexOf(name, at);
    a.places.push({ start: ps, end: ps + name.length, text: name, name, geonameId: g.id, country: g.country, lat: g.lat, lon: g.lon, kind: g.kind, precision: 1, candidates: [], evidence: [] });
    const qs = text.indexOf(`${k + 3} people`, at);
    a.claims.push({
      start: at,
      end: at + s.length,
      quantity: { start: qs, end: qs + String(k + 3).length, text: String(k + 3) },
      value: { min: k + 3, max: k + 3, approx: false },
      category: cats[k % cats.length],
      who: 'people',
      source: { name: k % 2 ? 'monitor' : 'OCHA' },
      hedged: false,
      place: { name, text: name, geonameId: g.id, start: ps, end: ps + name.length },
      date: day,
      sentence: k,
      evidence: [{ rule: 'synthetic', span: { start: qs, end: qs + 1 } }],
    });
    at += s.length + 1;
  });
  return a;
}
