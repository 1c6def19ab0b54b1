// Events: what happened, to whom, where and when, typed with ACLED's event types and sub-types plus
// movements of people (evacuation, displacement, return) with origin and destination.
//
// Per sentence: triggers from data/en/events.json fire; the highest-priority sub-type of each event
// type becomes an event; actors, place, day, claims and sources come from the earlier stages'
// output in that sentence. Events of one sub-type that are the same happening (same place and day,
// or a movement with the same origin) are merged across sentences, so that one evacuation reported
// by two sources is one event holding both figures.
import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/paths.js';
import type { Actor, Analysis, Claim, DateMention, EventRecord, Place, Sentence, Token } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';

interface RawRule {
  id: string;
  type: string;
  subtype: string;
  priority: number;
  triggers: string[];
  unless?: string[];
  needs_actor_kind?: 'government';
}

interface Phrase {
  words: string[];
  /** the last word is a prefix ("clash*") */
  prefix: boolean;
}

export interface EventRule extends Omit<RawRule, 'triggers' | 'unless'> {
  triggers: Phrase[];
  unless: Phrase[];
}

export interface EventLexicon {
  rules: EventRule[];
  /** first word → rules with a trigger starting with it (prefix triggers are tried separately) */
  byFirst: Map<string, { rule: EventRule; phrase: Phrase }[]>;
  prefixed: { rule: EventRule; phrase: Phrase }[];
  from: Phrase[];
  to: Phrase[];
  governmentWords: Phrase[];
}

const phrase = (s: string): Phrase => {
  const prefix = s.endsWith('*');
  return { words: (prefix ? s.slice(0, -1) : s).toLowerCase().split(/\s+/).filter(Boolean), prefix };
};

export function loadEventLexicon(file = dataPath('en', 'events.json')): EventLexicon {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    rules: RawRule[];
    movement: { from: string[]; to: string[] };
    killers: { government_words: string[] };
  };
  const rules: EventRule[] = raw.rules.map((r, i) => {
    if (!r.id || !r.type || !r.subtype || !Array.isArray(r.triggers)) throw new Error(`${file}: rules[${i}] needs id, type, subtype and triggers`);
    return { ...r, priority: r.priority ?? 1, triggers: r.triggers.map(phrase), unless: (r.unless ?? []).map(phrase) };
  });
  const byFirst = new Map<string, { rule: EventRule; phrase: Phrase }[]>();
  const prefixed: { rule: EventRule; phrase: Phrase }[] = [];
  for (const rule of rules) {
    for (const p of rule.triggers) {
      if (p.prefix && p.words.length === 1) prefixed.push({ rule, phrase: p });
      else {
        const list = byFirst.get(p.words[0]) ?? [];
        list.push({ rule, phrase: p });
        byFirst.set(p.words[0], list);
      }
    }
  }
  return {
    rules,
    byFirst,
    prefixed,
    from: raw.movement.from.map(phrase),
    to: raw.movement.to.map(phrase),
    governmentWords: raw.killers.government_words.map(phrase),
  };
}

/** Does the phrase match the tokens starting at i? Returns the index after the match, or -1. */
function matchAt(toks: Token[], i: number, p: Phrase): number {
  let k = i;
  for (let w = 0; w < p.words.length; w++) {
    // skip punctuation inside a phrase ("air-strike" is one token, "air strike" two)
    while (k < toks.length && toks[k].kind === 'punct' && toks[k].text !== '-') k++;
    if (k >= toks.length) return -1;
    const t = toks[k].lower;
    const last = w === p.words.length - 1;
    if (last && p.prefix ? !t.startsWith(p.words[w]) : t !== p.words[w]) return -1;
    k++;
  }
  return k;
}

interface Hit {
  rule: EventRule;
  start: number;
  end: number;
}

function findTriggers(toks: Token[], lex: EventLexicon): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'word') continue;
    let best: { rule: EventRule; end: number } | null = null;
    for (const cand of lex.byFirst.get(toks[i].lower) ?? []) {
      const e = matchAt(toks, i, cand.phrase);
      if (e > 0 && (!best || e > best.end)) best = { rule: cand.rule, end: e };
    }
    if (!best) {
      for (const cand of lex.prefixed) {
        if (toks[i].lower.startsWith(cand.phrase.words[0])) {
          best = { rule: cand.rule, end: i + 1 };
          break;
        }
      }
    }
    if (!best) continue;
    // a trigger cancelled by one of its rule's "unless" phrases overlapping it
    const cancelled = best.rule.unless.some((u) => {
      for (let s = Math.max(0, i - u.words.length + 1); s <= i; s++) if (matchAt(toks, s, u) > i) return true;
      return false;
    });
    if (!cancelled) hits.push({ rule: best.rule, start: toks[i].start, end: toks[best.end - 1].end });
    i = best.end - 1;
  }
  return hits;
}

const within = (x: { start: number; end: number }, s: { start: number; end: number }) => x.start >= s.start && x.end <= s.end;

function placeRef(p: Place) {
  return { name: p.name, geonameId: p.geonameId, country: p.country, lat: p.lat, lon: p.lon, precision: p.precision };
}

function timePrecision(d: DateMention): 1 | 2 | 3 {
  return d.precision === 'day' ? 1 : d.precision === 'week' ? 2 : 3;
}

/** Is the actor on the government side (for "liberated", "regained control")? */
function isGovernment(a: Actor, lex: EventLexicon): boolean {
  const t = a.text.toLowerCase();
  const id = a.id.toLowerCase();
  if (/(^|[^a-z])(gov|mil|cop|spy|army|regime)([^a-z]|$)/.test(id)) return true;
  return lex.governmentWords.some((p) => t.includes(p.words.join(' ')));
}

function tokensBySentence(a: Analysis): Token[][] {
  const out: Token[][] = a.sentences.map(() => []);
  for (const t of a.tokens) out[t.sentence]?.push(t);
  return out;
}

interface Draft extends EventRecord {
  sentence: number;
  priority: number;
  triggerStart: number;
}

export function extractEvents(a: Analysis, lex: EventLexicon): EventRecord[] {
  const bySentence = tokensBySentence(a);
  const speakerSpans = a.statements.flatMap((s) => (s.speaker ? [{ start: s.speaker.start, end: s.speaker.end }] : []));
  const drafts: Draft[] = [];
  for (const s of a.sentences) {
    const toks = bySentence[s.index];
    const hits = findTriggers(toks, lex);
    if (!hits.length) continue;
    const actors = a.actors.filter((x) => within(x, s) && !speakerSpans.some((sp) => x.start < sp.end && sp.start < x.end));
    // the highest-priority hit of each event type (first one on ties)
    const byType = new Map<string, Hit>();
    for (const h of hits) {
      let rule = h.rule;
      if (rule.needs_actor_kind === 'government' && !actors.some((x) => x.start < h.start && isGovernment(x, lex))) {
        const nsa = lex.rules.find((r) => r.subtype === 'Non-state actor overtakes territory');
        if (nsa) rule = nsa;
      }
      const cur = byType.get(rule.type);
      if (!cur || rule.priority > cur.rule.priority) byType.set(rule.type, { ...h, rule });
    }
    for (const h of byType.values()) drafts.push(buildDraft(a, s, toks, h, actors, lex));
  }
  return merge(drafts).map(({ sentence: _s, priority: _p, triggerStart: _t, ...e }) => e);
}

function buildDraft(a: Analysis, s: Sentence, toks: Token[], h: Hit, actors: Actor[], lex: EventLexicon): Draft {
  const claims: number[] = [];
  a.claims.forEach((c, i) => {
    if (c.sentence === s.index) claims.push(i);
  });
  const sentClaims = claims.map((i) => a.claims[i]);
  const before = actors.filter((x) => x.end <= h.start);
  const after = actors.filter((x) => x.start >= h.end);
  const actor1 = before.length ? before[before.length - 1] : null;
  const actor2 = after.length ? after[0] : null;
  const places = a.places.filter((p) => within(p, s));
  const movement = h.rule.type === 'Movements';
  let origin: Place | null = null;
  let destination: Place | null = null;
  if (movement) {
    for (const p of places) {
      const dir = directionBefore(toks, p.start, lex);
      if (dir === 'from' && !origin) origin = p;
      else if (dir === 'to' && !destination && p !== origin) destination = p;
    }
  }
  const claimPlace = sentClaims.find((c) => c.place)?.place;
  const place =
    origin ??
    (claimPlace ? places.find((p) => p.start === claimPlace.start) : undefined) ??
    places.find((p) => p.start >= h.end && p.kind !== 'country') ??
    places.find((p) => p.kind !== 'country') ??
    places[0] ??
    null;
  const date = a.dates.find((d) => within(d, s) && !d.dateline);
  const claimDate = sentClaims.find((c) => c.date)?.date ?? null;
  const sources = new Set<string>();
  for (const c of sentClaims) if (c.source) sources.add(c.source.name);
  for (const st of a.statements) if (st.speaker && st.start <= h.start && h.end <= st.end) sources.add(st.speaker.name);
  const killed = sentClaims.filter((c) => c.category === 'killed');
  return {
    start: s.start,
    end: s.end,
    sentence: s.index,
    priority: h.rule.priority,
    triggerStart: h.start,
    type: h.rule.type,
    subtype: h.rule.subtype,
    actor1: actor1 ? { id: actor1.id, name: actor1.name } : null,
    actor2: actor2 ? { id: actor2.id, name: actor2.name } : null,
    place: place ? placeRef(place) : null,
    date: date ? date.date : claimDate ?? a.referenceDate,
    timePrecision: date ? timePrecision(date) : claimDate ? 1 : 2,
    claims,
    fatalities: fatalities(killed),
    origin: origin ? { name: origin.name, geonameId: origin.geonameId, lat: origin.lat, lon: origin.lon } : null,
    destination: destination ? { name: destination.name, geonameId: destination.geonameId, lat: destination.lat, lon: destination.lon } : null,
    sources: [...sources],
    evidence: [{ rule: `events.${h.rule.id}`, span: { start: h.start, end: h.end } }],
  };
}

/** The conservative rule: the lowest credible figure among the event's death claims. */
export function fatalities(killed: Claim[]): number | null {
  const lows = killed.map((c) => c.value.min ?? c.value.max).filter((v): v is number => v != null);
  return lows.length ? Math.min(...lows) : null;
}

/** Whether a movement marker ("from", "left", "to", "toward") stands shortly before an offset. */
function directionBefore(toks: Token[], offset: number, lex: EventLexicon): 'from' | 'to' | null {
  let i = toks.findIndex((t) => t.start >= offset);
  if (i < 0) i = toks.length;
  for (let back = 1; back <= 6 && i - back >= 0; back++) {
    const k = i - back;
    for (const [dir, list] of [['from', lex.from], ['to', lex.to]] as const) {
      for (const p of list) {
        const start = k - p.words.length + 1;
        if (start >= 0 && matchAt(toks, start, p) === k + 1) return dir;
      }
    }
    // stop at a verb-like boundary: another place or a clause word
    if (toks[k].lower === 'and' || toks[k].text === ',' || toks[k].text === ';') return null;
  }
  return null;
}

const sameName = (x?: { name: string; geonameId: number | null } | null, y?: { name: string; geonameId: number | null } | null) =>
  Boolean(x && y && ((x.geonameId != null && x.geonameId === y.geonameId) || x.name.toLowerCase() === y.name.toLowerCase()));

/** Merge drafts that report the same happening (see the file comment). */
function merge(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const target = out.find((e) => {
      if (e.subtype !== d.subtype) return false;
      if (d.type === 'Movements') {
        if (e.origin && d.origin) return sameName(e.origin, d.origin);
        // a sentence continuing the same movement without naming its origin again
        return d.sentence - e.sentence <= 2 && (sameName(e.place, d.place) || !d.place || !e.place || sameName(e.destination, d.destination) || sameName(e.origin, d.place) || sameName(e.place, d.origin));
      }
      const sameDay = !e.date || !d.date || e.date === d.date;
      return sameDay && sameName(e.place, d.place);
    });
    if (!target) {
      out.push({ ...d, claims: [...d.claims], sources: [...d.sources], evidence: [...d.evidence] });
      continue;
    }
    target.claims.push(...d.claims.filter((c) => !target.claims.includes(c)));
    for (const s of d.sources) if (!target.sources.includes(s)) target.sources.push(s);
    target.evidence.push(...d.evidence);
    target.end = Math.max(target.end, d.end);
    target.origin ??= d.origin;
    target.destination ??= d.destination;
    target.actor1 ??= d.actor1;
    target.actor2 ??= d.actor2;
    if (!target.place || (target.place.precision > (d.place?.precision ?? 9))) target.place = d.place ?? target.place;
    if (d.timePrecision != null && (target.timePrecision ?? 9) > d.timePrecision) {
      target.date = d.date;
      target.timePrecision = d.timePrecision;
    }
  }
  return out;
}

/** Fatalities of merged events are recomputed from all their claims. */
function finish(a: Analysis, events: EventRecord[]): EventRecord[] {
  for (const e of events) e.fatalities = fatalities(e.claims.map((i) => a.claims[i]).filter((c) => c.category === 'killed'));
  return events;
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['sentences', 'tokens', 'claims', 'places', 'actors', 'dates', 'statements'],
  assigns: ['events'],
  run(a: Analysis, r: Resources) {
    const lex = r.get('events.lexicon', () => loadEventLexicon());
    a.events = finish(a, extractEvents(a, lex));
  },
};
