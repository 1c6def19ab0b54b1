// Events: what happened, to whom, where and when, typed with ACLED's event types and sub-types plus
// movements of people (evacuation, displacement, return) with origin and destination.
//
// Per sentence: triggers from data/en/events.json fire; the highest-priority sub-type of each event
// type becomes an event; actors, place, day, claims and sources come from the earlier stages'
// output in that sentence. Events of one sub-type that are the same happening (same place and day,
// or a movement with the same origin) are merged across sentences, so that one evacuation reported
// by two sources is one event holding both figures.
import { readFileSync } from 'node:fs';
import type { Actor, Analysis, Claim, DateMention, EventRecord, Place, Sentence, Span, Token } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { sentenceAt, tokenIndexAt } from '../sentences/index.js';
import { mainPlace } from '../../geo/main-place.js';
import { english, languageOf } from '../../lang/index.js';

interface RawRule {
  id: string;
  type: string;
  subtype: string;
  priority: number;
  triggers: string[];
  unless?: string[];
  unless_before?: string[];
  needs_actor_kind?: 'government';
  needs_claim?: string[];
  needs_words?: string[];
}

interface Phrase {
  words: string[];
  /** the last word is a prefix ("clash*") */
  prefix: boolean;
}

export interface EventRule extends Omit<RawRule, 'triggers' | 'unless' | 'unless_before'> {
  triggers: Phrase[];
  unless: Phrase[];
  unlessBefore: Phrase[];
}

export interface EventLexicon {
  rules: EventRule[];
  /** first word → rules with a trigger starting with it (prefix triggers are tried separately) */
  byFirst: Map<string, { rule: EventRule; phrase: Phrase }[]>;
  prefixed: { rule: EventRule; phrase: Phrase }[];
  /** prefix triggers by their first two letters */
  prefixedBy2: Map<string, { rule: EventRule; phrase: Phrase }[]>;
  from: Phrase[];
  to: Phrase[];
  governmentWords: Phrase[];
  allyCues: Phrase[];
  reporterNames: Set<string>;
  reporterWords: Set<string>;
  backgroundDays: number;
  compoundSuffixes: string[];
}

const phrase = (s: string): Phrase => {
  const prefix = s.endsWith('*');
  return { words: (prefix ? s.slice(0, -1) : s).toLowerCase().split(/\s+/).filter(Boolean), prefix };
};

export function loadEventLexicon(file = english.data('events.json')): EventLexicon {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    rules: RawRule[];
    movement: { from: string[]; to: string[] };
    killers: { government_words: string[] };
    allies?: { cues: string[] };
    reporters?: { names: string[]; words: string[] };
    background?: { max_age_days: number };
    compound_suffixes?: { suffixes: string[] };
  };
  const rules: EventRule[] = raw.rules.map((r, i) => {
    if (!r.id || !r.type || !r.subtype || !Array.isArray(r.triggers)) throw new Error(`${file}: rules[${i}] needs id, type, subtype and triggers`);
    return { ...r, priority: r.priority ?? 1, triggers: r.triggers.map(phrase), unless: (r.unless ?? []).map(phrase), unlessBefore: (r.unless_before ?? []).map(phrase) };
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
  const prefixedBy2 = new Map<string, { rule: EventRule; phrase: Phrase }[]>();
  for (const p of prefixed) {
    const key = p.phrase.words[0].slice(0, 2);
    const list = prefixedBy2.get(key) ?? [];
    list.push(p);
    prefixedBy2.set(key, list);
  }
  return {
    rules,
    byFirst,
    prefixed,
    prefixedBy2,
    from: raw.movement.from.map(phrase),
    to: raw.movement.to.map(phrase),
    governmentWords: raw.killers.government_words.map(phrase),
    allyCues: (raw.allies?.cues ?? []).map(phrase),
    reporterNames: new Set((raw.reporters?.names ?? []).map((n) => n.toLowerCase())),
    reporterWords: new Set((raw.reporters?.words ?? []).map((n) => n.toLowerCase())),
    backgroundDays: raw.background?.max_age_days ?? 45,
    compoundSuffixes: raw.compound_suffixes?.suffixes ?? [],
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

function findTriggers(toks: Token[], lex: EventLexicon, claimCategories: Set<string>): Hit[] {
  const hits: Hit[] = [];
  let words: Set<string> | null = null;
  const hasWord = (w: string) => (words ??= new Set(toks.map((t) => t.lower))).has(w);
  const usable = (rule: EventRule) =>
    (!rule.needs_claim && !rule.needs_words) ||
    (rule.needs_claim ?? []).some((c) => claimCategories.has(c)) ||
    (rule.needs_words ?? []).some((w) => (w.includes(' ') ? toks.map((t) => t.lower).join(' ').includes(w) : hasWord(w)));
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'word') continue;
    let best: { rule: EventRule; end: number } | null = null;
    for (const cand of lex.byFirst.get(toks[i].lower) ?? []) {
      if (!usable(cand.rule)) continue;
      const e = matchAt(toks, i, cand.phrase);
      if (e > 0 && (!best || e > best.end)) best = { rule: cand.rule, end: e };
    }
    if (!best) {
      for (const cand of lex.prefixedBy2.get(toks[i].lower.slice(0, 2)) ?? []) {
        if (usable(cand.rule) && toks[i].lower.startsWith(cand.phrase.words[0])) {
          best = { rule: cand.rule, end: i + 1 };
          break;
        }
      }
    }
    if (!best) continue;
    // a trigger cancelled by one of its rule's "unless" phrases overlapping it
    const cancelled =
      best.rule.unless.some((u) => {
        for (let s = Math.max(0, i - u.words.length + 1); s <= i; s++) if (matchAt(toks, s, u) > i) return true;
        return false;
      }) ||
      // background, not the event itself: "under the deal", "as part of the agreement"
      best.rule.unlessBefore.some((u) => {
        for (let s = Math.max(0, i - 3 - u.words.length); s < i; s++) if (matchAt(toks, s, u) > 0 && matchAt(toks, s, u) <= i) return true;
        return false;
      });
    if (!cancelled) hits.push({ rule: best.rule, start: toks[i].start, end: toks[best.end - 1].end });
    i = best.end - 1;
  }
  return hits;
}

const within = (x: { start: number; end: number }, s: { start: number; end: number }) => x.start >= s.start && x.end <= s.end;

function placeRef(p: Place) {
  return { name: p.name, geonameId: p.geonameId, country: p.country, lat: p.lat, lon: p.lon, precision: p.precision, kind: p.kind, admin1: p.admin1 ?? null };
}

const placeKind = (p: NonNullable<EventRecord['place']>) => (p as { kind?: string }).kind ?? '';

function timePrecision(d: DateMention): 1 | 2 | 3 {
  return d.precision === 'day' ? 1 : d.precision === 'week' ? 2 : 3;
}

/** Is the actor on the government side (for "liberated", "regained control")? Memoised per mention. */
const governmentMemo = new WeakMap<Actor, boolean>();
function isGovernment(a: Actor, lex: EventLexicon): boolean {
  let v = governmentMemo.get(a);
  if (v == null) governmentMemo.set(a, (v = isGovernmentUncached(a, lex)));
  return v;
}

function isGovernmentUncached(a: Actor, lex: EventLexicon): boolean {
  const t = `${a.text} ${a.name}`.toLowerCase();
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
  lastSentence: number;
  priority: number;
  triggerStart: number;
  /** the place came from the sentences before (the sentence names none) */
  placeInherited: boolean;
  /** actor id → government side, for choosing actor 2 across merged sentences */
  sides: Record<string, boolean>;
  /** actors of the other side than actor 1 in the sentence */
  opponents: { id: string; name: string }[];
  /** destination candidates with how often each was named (the most named wins) */
  destinations: { ref: NonNullable<EventRecord['destination']>; n: number }[];
}

export function extractEvents(a: Analysis, lex: EventLexicon): EventRecord[] {
  const bySentence = tokensBySentence(a);
  // speakers, and those they told ("a military source told SANA"), report events: they are not its actors
  const speakersBySentence = new Map<number, Span[]>();
  for (const st of a.statements) {
    if (!st.speaker) continue;
    const sent = sentenceAt(a.sentences, st.speaker.start);
    if (!sent) continue;
    const list = speakersBySentence.get(sent.index) ?? [];
    list.push({ start: st.speaker.start, end: st.speaker.end });
    speakersBySentence.set(sent.index, list);
  }
  const toldNames = new Set(a.statements.flatMap((s) => (s.speaker?.via ? [s.speaker.via.name.toLowerCase()] : [])));
  const claimsBySentence = new Map<number, Claim[]>();
  for (const c of a.claims) {
    const list = claimsBySentence.get(c.sentence) ?? [];
    list.push(c);
    claimsBySentence.set(c.sentence, list);
  }
  const bucket = <T extends { start: number }>(items: T[]) => {
    const out = new Map<number, T[]>();
    for (const x of items) {
      const sent = sentenceAt(a.sentences, x.start);
      if (!sent) continue;
      const list = out.get(sent.index);
      if (list) list.push(x);
      else out.set(sent.index, [x]);
    }
    return out;
  };
  const ctx: SentenceItems = { places: bucket(a.places), dates: bucket(a.dates), actors: bucket(a.actors), claimIdx: new Map(), statements: new Map(), main: mainPlace(a.places, (p) => p.lat != null) };
  // a statement belongs to every sentence its content overlaps (quotes run over several sentences)
  for (const st of a.statements) {
    const first = sentenceAt(a.sentences, st.start)?.index;
    const last = sentenceAt(a.sentences, Math.max(st.start, st.end - 1))?.index ?? first;
    if (first == null || last == null) continue;
    for (let k = first; k <= last; k++) {
      const list = ctx.statements.get(k) ?? [];
      list.push(st);
      ctx.statements.set(k, list);
    }
  }
  a.claims.forEach((c, i) => {
    const list = ctx.claimIdx.get(c.sentence) ?? [];
    list.push(i);
    ctx.claimIdx.set(c.sentence, list);
  });
  const drafts: Draft[] = [];
  for (const s of a.sentences) {
    const toks = bySentence[s.index];
    const sentClaims = claimsBySentence.get(s.index) ?? [];
    const hits = findTriggers(toks, lex, new Set(sentClaims.map((c) => c.category)));
    // a count of displaced people with no trigger of its own still reports a movement
    const displaced = sentClaims.find((c) => c.category === 'displaced');
    if (displaced && !hits.some((h) => h.rule.type === 'Movements')) {
      const rule = lex.rules.find((r) => r.subtype === 'Evacuation' && !r.needs_claim);
      if (rule) hits.push({ rule: { ...rule, id: 'displaced-claim', priority: 1 }, start: displaced.quantity.start, end: displaced.quantity.end });
    }
    if (!hits.length) continue;
    const sourceSpans = sentClaims.flatMap((c) => (c.source?.start != null && c.source.end != null ? [{ start: c.source.start, end: c.source.end }] : []));
    const sourceNames = new Set(sentClaims.flatMap((c) => (c.source ? [c.source.name.toLowerCase(), ...(c.source.via ? [c.source.via.name.toLowerCase()] : [])] : [])));
    const speakerSpans = speakersBySentence.get(s.index) ?? [];
    const reporter = (x: Actor) =>
      [...speakerSpans, ...sourceSpans].some((sp) => x.start < sp.end && sp.start < x.end) ||
      toldNames.has(x.name.toLowerCase()) ||
      toldNames.has(x.text.toLowerCase()) ||
      sourceNames.has(x.name.toLowerCase()) ||
      toldBefore(a.document.text.slice(Math.max(s.start, x.start - 60), x.start)) ||
      isMedia(x, lex) ||
      // a pronoun nobody could resolve ("himself") names no one
      (x.id.startsWith('pronoun:') && !x.antecedent);
    const actors = (ctx.actors.get(s.index) ?? []).filter((x) => within(x, s) && !reporter(x));
    // "the army", "troops": government words count even where the actors stage named no actor
    let govMemo: boolean | null = null;
    const governmentInSentence = () =>
      (govMemo ??= actors.some((x) => isGovernment(x, lex)) || toks.some((_, i) => lex.governmentWords.some((p) => matchAt(toks, i, p) > 0)));
    // the highest-priority hit of each event type (first one on ties)
    const byType = new Map<string, Hit>();
    for (const h of hits) {
      let rule = h.rule;
      if (rule.needs_actor_kind === 'government' && !governmentInSentence()) {
        const nsa = lex.rules.find((r) => r.subtype === 'Non-state actor overtakes territory');
        if (nsa) rule = nsa;
      }
      const cur = byType.get(rule.type);
      if (!cur || rule.priority > cur.rule.priority) byType.set(rule.type, { ...h, rule });
    }
    for (const h of byType.values()) drafts.push(buildDraft(a, s, toks, h, actors, lex, ctx));
  }
  // background: a month or a year long past ("since 2011") is context, not an event of the report
  const ref = a.referenceDate ? Date.parse(a.referenceDate + 'T00:00:00Z') : null;
  const current = drafts.filter((d) => !(ref != null && d.date && (d.timePrecision ?? 1) >= 3 && ref - Date.parse(d.date + 'T00:00:00Z') > lex.backgroundDays * 86_400_000));
  return merge(current).map(({ sentence: _s, priority: _p, triggerStart: _t, lastSentence: _l, destinations: _d, sides: _x, opponents: _o, placeInherited: _i, ...e }) => e);
}

interface SentenceItems {
  places: Map<number, Place[]>;
  dates: Map<number, DateMention[]>;
  actors: Map<number, Actor[]>;
  claimIdx: Map<number, number[]>;
  statements: Map<number, Analysis['statements']>;
  /** the article's most named place below country level */
  main: Place | null;
}

function buildDraft(a: Analysis, s: Sentence, toks: Token[], h: Hit, actors: Actor[], lex: EventLexicon, ctx: SentenceItems): Draft {
  const claims = [...(ctx.claimIdx.get(s.index) ?? [])];
  const sentClaims = claims.map((i) => a.claims[i]);
  const before = actors.filter((x) => x.end <= h.start);
  const after = actors.filter((x) => x.start >= h.end);
  // the subject usually opens the clause: the first actor before the trigger
  const actor1 = before[0] ?? after[0] ?? null;
  // the other side: an actor of the opposite side (government or not), after the trigger first
  const side1 = actor1 ? isGovernment(actor1, lex) : null;
  const others = [...after, ...before].filter((x) => x !== actor1 && x.id !== actor1?.id && !isAlly(toks, x, lex));
  // two non-state sides may fight each other; two government units are one side
  const actor2 = others.find((x) => isGovernment(x, lex) !== side1) ?? (side1 === false ? others[0] : undefined) ?? null;
  const text = a.document.text;
  // "Britain-based", "US-led": a place in a compound modifier is not where anything happened
  const places = (ctx.places.get(s.index) ?? []).filter((p) => within(p, s) && !lex.compoundSuffixes.some((suf) => text.startsWith(suf, p.end)));
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
  const claimPlaceFull = claimPlace ? places.find((p) => p.start === claimPlace.start) : undefined;
  const place =
    origin ??
    (claimPlaceFull && claimPlaceFull.kind !== 'country' ? claimPlaceFull : undefined) ??
    places.find((p) => p.start >= h.end && p.kind !== 'country') ??
    places.find((p) => p.kind !== 'country') ??
    claimPlaceFull ??
    places[0] ??
    null;
  // no place in the sentence: the report goes on about the place named just before (precision 2),
  // else the article's main place (precision 3, only its region is sure)
  let fallback: EventRecord['place'] = null;
  if (!place) {
    for (let k = s.index - 1; k >= Math.max(0, s.index - 2) && !fallback; k--) {
      const prev = (ctx.places.get(k) ?? []).filter((p) => p.kind !== 'country' && !lex.compoundSuffixes.some((suf) => text.startsWith(suf, p.end)));
      if (prev.length) fallback = { ...placeRef(prev[prev.length - 1]), precision: Math.max(2, prev[prev.length - 1].precision) as 2 | 3 };
    }
    if (!fallback && ctx.main) fallback = { ...placeRef(ctx.main), precision: 3 };
  }
  const date = (ctx.dates.get(s.index) ?? []).find((d) => within(d, s) && !d.dateline);
  const claimDate = sentClaims.find((c) => c.date)?.date ?? null;
  const sources = new Set<string>();
  for (const c of sentClaims) if (c.source) sources.add(c.source.name);
  for (const st of ctx.statements.get(s.index) ?? []) if (st.speaker && st.start <= h.start && h.end <= st.end) sources.add(st.speaker.name);
  const killed = sentClaims.filter((c) => c.category === 'killed');
  return {
    start: s.start,
    end: s.end,
    sentence: s.index,
    lastSentence: s.index,
    destinations: destination ? [{ ref: { name: destination.name, geonameId: destination.geonameId, lat: destination.lat, lon: destination.lon }, n: 1 }] : [],
    priority: h.rule.priority,
    triggerStart: h.start,
    type: h.rule.type,
    subtype: h.rule.subtype,
    actor1: actor1 ? { id: actor1.id, name: actor1.name } : null,
    actor2: actor2 ? { id: actor2.id, name: actor2.name } : null,
    sides: Object.fromEntries(actors.map((x) => [x.id, isGovernment(x, lex)])),
    opponents: actors.filter((x) => actor1 && x.id !== actor1.id && isGovernment(x, lex) !== side1 && !isAlly(toks, x, lex)).map((x) => ({ id: x.id, name: x.name })),
    place: place ? placeRef(place) : fallback,
    placeInherited: !place,
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

/** A news outlet or agency: it reports the event. */
function isMedia(x: Actor, lex: EventLexicon): boolean {
  if (lex.reporterNames.has(x.name.toLowerCase()) || lex.reporterNames.has(x.text.toLowerCase())) return true;
  if (x.kind !== 'organization') return false;
  return `${x.name} ${x.text}`.toLowerCase().split(/[^a-z]+/).some((w) => lex.reporterWords.has(w));
}

/** "told the state broadcaster ...": the one told is a reporter, not an actor of the event. */
function toldBefore(before: string): boolean {
  const m = /\b(?:told|quoted by|cited by|speaking to)\b([^.;:]*)$/i.exec(before);
  return Boolean(m && !/\b(?:that|as|when|after|while)\b/i.test(m[1]) && m[1].split(/\s+/).length <= 7);
}

/** "supported by allied fighters": an actor introduced as the subject's ally. */
function isAlly(toks: Token[], x: Actor, lex: EventLexicon): boolean {
  const i = tokenIndexAt(toks, x.start);
  if (i >= toks.length) return false;
  if (toks[i].lower === 'allied') return true;
  for (const p of lex.allyCues) {
    const start = i - p.words.length;
    if (start >= 0 && matchAt(toks, start, p) === i) return true;
  }
  return false;
}

/** Whether a movement marker ("from", "left", "to", "toward") stands shortly before an offset. */
function directionBefore(toks: Token[], offset: number, lex: EventLexicon): 'from' | 'to' | null {
  const i = tokenIndexAt(toks, offset);
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

/** A place name without case or an Arabic article ("al-Foua" and "Foua" are one place). */
const foldName = (s: string) => s.toLowerCase().replace(/^(?:al|el|ad|ar|as|ash|at|az|an)[-\s]+/, '').replace(/[’'`-]/g, '');
const sameName = (x?: { name: string; geonameId: number | null } | null, y?: { name: string; geonameId: number | null } | null) =>
  Boolean(x && y && ((x.geonameId != null && x.geonameId === y.geonameId) || foldName(x.name) === foldName(y.name)));

/** Merge drafts that report the same happening (see the file comment). */
function merge(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  const vague = (p: Draft['place']) => !p || p.precision === 3 || /^(country|admin1|region)$/.test(placeKind(p));
  for (const d of drafts) {
    const target = [...out].reverse().find((e) => {
      if (e.subtype !== d.subtype) return false;
      const near = d.sentence - e.lastSentence <= 2;
      if (d.type === 'Movements') {
        if (e.origin && d.origin) return sameName(e.origin, d.origin);
        // a sentence continuing the same movement without naming its origin again
        return near && (!d.origin || !e.origin) && (sameName(e.place, d.place) || !d.place || d.placeInherited || !e.place || sameName(e.destination, d.destination) || sameName(e.origin, d.place) || sameName(e.place, d.origin) || (!d.origin && Boolean(d.destination)));
      }
      const sameDay = !e.date || !d.date || e.date === d.date;
      // the next sentence telling more of the same fight, with no more precise place of its own
      if (d.sentence - e.lastSentence <= 1 && (vague(d.place) || d.placeInherited)) return true;
      return sameDay && sameName(e.place, d.place);
    });
    if (!target) {
      out.push({ ...d, claims: [...d.claims], sources: [...d.sources], evidence: [...d.evidence], destinations: [...d.destinations], sides: { ...d.sides } });
      continue;
    }
    target.claims.push(...d.claims.filter((c) => !target.claims.includes(c)));
    for (const s of d.sources) if (!target.sources.includes(s)) target.sources.push(s);
    target.evidence.push(...d.evidence);
    target.end = Math.max(target.end, d.end);
    target.lastSentence = d.sentence;
    target.origin ??= d.origin;
    for (const dd of d.destinations) {
      const cur = target.destinations.find((x) => sameName(x.ref, dd.ref));
      if (cur) cur.n++;
      else target.destinations.push({ ...dd });
    }
    let best: Draft['destinations'][number] | null = null;
    for (const x of target.destinations) if (!best || x.n >= best.n) best = x;
    target.destination = best?.ref ?? null;
    target.actor1 ??= d.actor1;
    target.actor2 ??= d.actor2;
    Object.assign(target.sides, d.sides);
    // a later sentence naming the other side ("dozens of the attackers died") completes the pair
    const a1 = target.actor1;
    if (a1 && (!target.actor2 || target.sides[target.actor2.id] === target.sides[a1.id])) {
      const opp = [d.actor1, d.actor2, ...d.opponents].find((x) => x && x.id !== a1.id && target.sides[x.id] !== target.sides[a1.id]);
      if (opp) target.actor2 = opp;
    }
    const movementWithOrigin = target.type === 'Movements' && target.origin;
    if (target.placeInherited && d.place && !d.placeInherited) {
      target.place = d.place;
      target.placeInherited = false;
    } else if (movementWithOrigin) {
      // a movement happens where it starts
    } else if (!target.place || (d.place && !vague(d.place) && (vague(target.place) || target.place.precision > d.place.precision))) target.place = d.place ?? target.place;
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
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('events.lexicon'), () => loadEventLexicon(L.data('events.json')));
    a.events = finish(a, extractEvents(a, lex));
  },
};
