// Stage "claims": every count of people or vehicles, with what happened to them (category), the counted
// group, the source (attribution.ts), the place and the day.
//
// For each count quantity (numbers stage, non-counts skipped) and each singular "a/an + noun":
//   group     the noun phrase it counts, to the right: "N [of the|more|other] [modifiers] HEAD [and HEAD]";
//             HEAD is a people or vehicle noun from data/en/claims/lexicon.json (+ demonyms.json).
//             "N of them" refers back; "one father and his son" is two counts of one.
//   category  vehicles when the head is a vehicle (a single vehicle only when something happens to
//             it: "hit a bus", "a bus was hit", "a convoy carrying civilians"); else, first that fires:
//             before   an active verb right before the number ("killed at least 12 people")
//             of       "the bodies of 30", "the fate of 250 others"
//             toll     "the death toll rose to 52", "the number of civilians killed has risen to 20"
//             after    a predicate after the group ("12 people were killed", "1,200 people have evacuated"),
//                      across nested counts ("40 people including 9 women died") and asides
//             noun     the counted word itself ("12 dead", "the wounded", "evacuees")
//             clause   a predicate further on in the clause ("3 fighters from the X committees were martyred")
//             modifier a cue inside the group ("dozens of injured civilians" with nothing else)
//             inherit  a count nested in or listed after an earlier claim of the sentence
//                      ("including five children", "9 in Ansari 8 in Salah Addin")
//   no group and no category → no claim (counts of villages, groups of fighters, hours...).
//   source    attribution.ts (statement covering the number, figure subject, careful carry-over; hedges → null)
//   date      the dates stage's DayIndex (a day in the sentence, else the day last named); null when the
//             sentence names only a coarser time of its own ("since 2011", "in March")
//   place     a place in the sentence (after the count first), else carried from the sentence before
//
// One construction per file: drafts.ts (candidate counts: numbers, articles, labels that are no counts, bare
// victims "murdered journalist"), named.ts (names), headline.ts (a headline's one person or vehicle),
// possessed.ts ("killed the group's commander"), decide.ts (which construction decides for which draft),
// group.ts (the counted group), category/*.ts (what happened; their order and why: order.ts), range.ts
// ("rose from 12 to 45": two claims), admit.ts, attribution.ts, place.ts, date.ts.
import type { Analysis, Claim, Evidence } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { attributeClaim, figureSubject, pastPlace, relativeSource } from './attribution.js';
import { loadClaimsLexicon, type ClaimsLexicon } from './lexicon.js';
import { languageOf } from '../../lang/index.js';
import { type Cat, type Ctx, type Draft, type Group, claimOf, hedgedSentence, isWord, lowerBound } from './context.js';
import { bareVictimDrafts, collectDrafts } from './drafts.js';
import { PART_RULE, carriedFrom, indexPlaces, placeBeforePart, placeClaim } from './place.js';
import { ClaimDays } from './date.js';
import { COLON_LIST, namedDrafts } from './named.js';
import { previousFigure, splitTollRange } from './range.js';
import { headlineDrafts } from './headline.js';
import { possessedDrafts } from './possessed.js';
import { decide } from './decide.js';
import { allButDrafts } from './allbut.js';

export { loadClaimsLexicon } from './lexicon.js';

/** The counted group as text and span, and the rule that found it. */
function describeGroup(c: Ctx, g: Group | null, cat: Cat, parent: Claim | undefined, prev: Claim | undefined): { who: string; whoSpan?: { start: number; end: number }; rule: string } {
  const { toks, a } = c;
  const text = a.document.text;
  if (g && g.kind !== 'them') {
    let who = text.slice(toks[g.first].start, toks[g.last].end).toLowerCase();
    if (g.sharedHead) who += ' ' + toks[g.head].lower;
    return { who, whoSpan: { start: toks[g.first].start, end: toks[g.last].end }, rule: g.rule };
  }
  if (g) {
    const p = parent ?? prev;
    return { who: p?.who || 'them', whoSpan: { start: toks[g.first].start, end: toks[g.last].end }, rule: g.rule };
  }
  if (cat.rule === 'claims.category:inherit' && parent) return { who: parent.who, whoSpan: undefined, rule: 'claims.group:inherit' };
  // "Les manifestants étaient 20 000": the subject of the copula (a pronoun names no one)
  if (cat.rule === 'claims.category:copula' && !c.lex.countPronouns.has(toks[cat.start].lower)) {
    const t = toks[cat.start];
    return { who: t.lower, whoSpan: { start: t.start, end: t.end }, rule: 'claims.group:copula-subject' };
  }
  return { who: 'people', whoSpan: undefined, rule: 'claims.group:implicit' };
}

/** "One father and his son were buried": the second person is a count of one too. */
function pairedClaim(c: Ctx, claim: Claim, g: Group, cat: Cat, evidence: Evidence[]): Claim {
  const { toks, a } = c;
  const p = g.paired!;
  const pStart = toks[p.first].start;
  const pEnd = Math.max(toks[p.last].end, cat.start > p.last ? toks[cat.end - 1].end : 0);
  const pw = { start: toks[p.first].start, end: toks[p.last].end };
  return claimOf({
    ...claim,
    start: pStart,
    end: pEnd,
    quantity: { start: pStart, end: toks[p.first].end, text: toks[p.first].text },
    value: { min: 1, max: 1, approx: false },
    who: a.document.text.slice(toks[p.head].start, pw.end).toLowerCase(),
    whoSpan: pw,
    evidence: [evidence[0], { rule: 'claims.group:paired-possessive', span: pw }, ...evidence.slice(2)],
  });
}

/** A toll word in the six tokens before token k, in its sentence ("the death toll passed", "le bilan a dépassé"). */
function tollBefore(c: Ctx, k: number): boolean {
  const s = c.toks[k].sentence;
  for (let m = k - 1; m >= 0 && m >= k - 6 && c.toks[m].sentence === s; m--) if (c.lex.tollWords.at(c.toks, m, k)) return true;
  return false;
}

/** The value of a count: "the toll topped 300" is 301 or more, "neared 80,000" 72,000 to 80,000. */
function tollValue(c: Ctx, d: Draft, cat: Cat): Claim['value'] {
  const v = { min: d.min, max: d.max, approx: d.approx };
  if (d.min == null || d.min !== d.max || d.qi < 1) return v;
  // (past an article: "le bilan dépasse les 2 000 morts")
  const k = d.qi > 1 && c.lex.definiteArticles.has(c.toks[d.qi - 1].lower) ? d.qi - 2 : d.qi - 1;
  const link = c.toks[k].lower;
  // ("le bilan a dépassé 300 morts": a count with its own noun after a toll told before it)
  if (cat.rule !== 'claims.category:toll' && !tollBefore(c, k)) return v;
  if (c.lex.tollAbove.has(link)) return { min: d.min + 1, max: null, approx: d.approx };
  if (c.lex.tollBelow.has(link)) return { min: Math.round(d.min * 0.9), max: d.max, approx: true };
  return v;
}

/** The span of a claim: the number through the group and the category cue, within the clause. */
function claimSpan(c: Ctx, d: Draft, g: Group | null, cat: Cat): { start: number; end: number } {
  let startTok = d.qi;
  let endTok = d.qj - 1;
  if (g) endTok = Math.max(endTok, g.last);
  if (cat.rule !== 'claims.category:inherit') {
    startTok = Math.min(startTok, cat.start);
    endTok = Math.max(endTok, cat.end - 1);
  }
  return { start: c.toks[startTok].start, end: c.toks[endTok].end };
}

/** Every candidate count, in text order: numbers and articles, bare victims, names, headline heads, possessed roles. */
function allDrafts(a: Analysis, lex: ClaimsLexicon): { c: Ctx; drafts: Draft[] } {
  const inQ = new Uint8Array(a.tokens.length);
  const drafts = collectDrafts(a, inQ, lex);
  drafts.push(...bareVictimDrafts(a, lex, inQ));
  drafts.push(...namedDrafts(a, lex));
  drafts.sort((x, y) => x.qi - y.qi);
  const c: Ctx = { a, toks: a.tokens, lex, inQ };
  drafts.push(...headlineDrafts(a, c), ...possessedDrafts(a, c), ...allButDrafts(a, c));
  drafts.sort((x, y) => x.qi - y.qi);
  return { c, drafts };
}

/** "Hama A civilian was killed ...": a place name opening the sentence right before a capitalised determiner is a
 * section's heading (unpunctuated agency copy): what follows is another report. */
function sectionHeading(c: Ctx, floor: number): boolean {
  const { toks, lex, a } = c;
  const t = toks[floor];
  if (!t || (floor > 0 && toks[floor - 1].sentence === t.sentence)) return false;
  const p = a.places.find((x) => x.start === t.start);
  if (!p) return false;
  const k = lowerBound(toks, p.end);
  const n = toks[k];
  return !!n && n.sentence === t.sentence && lex.determiners.has(n.lower) && n.text[0] !== n.lower[0];
}

/** Does the sentence open another topic, or tell of a time before the current news, before the count? */
function opensTopic(c: Ctx, d: Draft, floor: number, end: number): boolean {
  const { toks, lex } = c;
  if (lex.topicBreaks.at(toks, floor, end)) return true;
  if (sectionHeading(c, floor)) return true;
  const q = lowerBound(toks, d.qSpan.start);
  // (the first cue's end in the clause, read once per floor: a sentence of thousands of counts stays linear)
  const ends = (c.pastCueEnd ??= new Map());
  let first = ends.get(floor);
  if (first === undefined) {
    first = Infinity;
    for (let k = floor; k < end && first === Infinity; k++) {
      const m = lex.pastCues.at(toks, k, end);
      if (m) first = m.end;
    }
    ends.set(floor, first);
  }
  return first <= q;
}

/** The source of a count: the statement covering it, the subject of a figure verb, or a careful carry-over. */
function sourceFor(c: Ctx, d: Draft, s: number, floor: number, end: number, hedged: boolean, earlier: readonly { start: number; end: number }[]) {
  const { a, toks, lex } = c;
  // a sentence opening another topic, or telling of a time before the current news ("The shooting came five
  // years after a gunman killed 49 people"), carries no source from the sentence before
  const topicBreak = opensTopic(c, d, floor, end);
  const tokenAt = (o: number) => lowerBound(toks, o);
  // (a figure verb of many senses far before the count reports it only with a figure's noun between: "put the death toll at 9")
  const q = tokenAt(d.qSpan.start);
  const reaches = (k: number) => !lex.figureVerbsNear.has(toks[k].lower) || q - k <= lex.figureVerbReach || toks.slice(k + 1, q).some((t) => lex.figureObjects.has(t.lower));
  const figureVerb = (k: number) => figureVerbAt(toks, k, lex.figureVerbs) && reaches(k);
  const subject = () =>
    figureSubject(a, s, d.qSpan.start, tokenAt, {
      verbAt: figureVerb,
      skip: (k) => lex.subjectSkip.has(toks[k].lower),
      complement: (k) => lex.nameComplement.has(toks[k].lower),
      article: (k) => lex.nameArticles.has(toks[k].lower),
      placePrep: (k) => lex.placePrepositions.has(toks[k].lower),
    }) ??
    relativeSource(a, s, d.qSpan.start, (k) => k < toks.length && lex.relativeWords.has(toks[k].lower), tokenAt) ??
    headedSubject(c, s, d.qSpan.start, figureVerb);
  // (the bare number: "The UN estimated 3,000 had been displaced" reports "3,000 had been displaced")
  const numberSpan = d.coreStart != null && d.coreStart > d.qSpan.start ? { start: d.coreStart, end: d.qSpan.end } : d.qSpan;
  const attr = attributeClaim(a, numberSpan, s, { hedged, topicBreak, earlier, subject, notSource: (name) => lex.notSources.has(name.toLowerCase()), appositionOpener: (w) => lex.appositionOpeners.has(w) });
  // a speaker span that names no source ("according to reports", "data from ...")
  if (attr.source && lex.notSources.has(attr.source.name.toLowerCase())) return { source: null, evidence: null };
  return attr;
}

/** Whether a figure verb opens at token k: a word ("counted") or words ("a fait état de", "ont recensé"). */
function figureVerbAt(toks: Analysis['tokens'], k: number, verbs: ReadonlySet<string>): boolean {
  let phrase = toks[k].lower;
  if (verbs.has(phrase)) return true;
  for (let j = k + 1; j < toks.length && j < k + 4; j++) {
    phrase += ' ' + toks[j].lower;
    if (verbs.has(phrase)) return true;
  }
  return false;
}

/** Each sentence's first token and the token after its last (-1 for a sentence without tokens). */
function sentenceTokens(a: Analysis): { sFirst: number[]; sEnd: number[] } {
  const sFirst: number[] = new Array(a.sentences.length).fill(-1);
  const sEnd: number[] = new Array(a.sentences.length).fill(-1);
  for (let k = 0; k < a.tokens.length; k++) {
    const s = a.tokens[k].sentence;
    if (sFirst[s] < 0) sFirst[s] = k;
    sEnd[s] = k + 1;
  }
  return { sFirst, sEnd };
}

/** Where a claim's count sits, for claimSource: its sentence and token range, and what was counted before it. */
interface SourceSite {
  s: number;
  floor: number;
  end: number;
  hedged: boolean;
  earlier: readonly { start: number; end: number }[];
  /** the count announcing the list this claim is a line of (COLON_LIST) */
  listed?: Claim;
  /** the claim counts a named person */
  named: boolean;
}

/** The source of a claim: its own (sourceFor), else the list's announcer, else who released the names. */
function claimSource(c: Ctx, d: Draft, at: SourceSite): ReturnType<typeof sourceFor> {
  const attr = sourceFor(c, d, at.s, at.floor, at.end, at.hedged, at.earlier);
  // a name on a line of a list announced by a count is told by whoever told the count
  if (!attr.source && at.listed?.source) return { source: at.listed.source, evidence: { rule: 'claims.source:list', span: { start: at.listed.start, end: at.listed.end } } };
  // "The coroner released the names of the dead. Those killed included Jane Roe": who released the names
  if (!attr.source && !at.hedged && at.named) return namesReleasedBy(c, at.s, d.qSpan.start) ?? attr;
  return attr;
}

/** The subject of a verb that releases names ("released the names", "identified") in this sentence before the name or the one before. */
function namesReleasedBy(c: Ctx, s: number, qStart: number) {
  const { a, toks, lex } = c;
  const tokenAt = (o: number) => lowerBound(toks, o);
  const verbAt = (k: number) => !!lex.namesReleased.at(toks, k, toks.length);
  const skip = (k: number) => lex.subjectSkip.has(toks[k].lower);
  for (const [t, upTo] of [[s, qStart], [s - 1, s > 0 ? a.sentences[s - 1].end : 0]] as const) {
    if (t < 0) continue;
    const x = figureSubject(a, t, upTo, tokenAt, { verbAt, skip });
    if (x?.evidence) return { ...x, evidence: { ...x.evidence, rule: 'claims.source:names-released' } };
    const y = bareSubject(c, t, upTo, verbAt, 'claims.source:names-released');
    if (y) return y;
  }
  return null;
}

/** A subject no actor marks whose head may give a figure ("The health ministry put the toll at 20"). */
function headedSubject(c: Ctx, t: number, upTo: number, verbAt: (k: number) => boolean) {
  const x = bareSubject(c, t, upTo, verbAt, 'claims.source:figure-subject', false);
  if (!x) return null;
  // the head last ("the health ministry"), or first, its complement after it ("le ministère de la Santé")
  const { toks, lex } = c;
  const b = lowerBound(toks, x.source.start), e = lowerBound(toks, x.source.end);
  return lex.subjectHeads.has(toks[e - 1]?.lower ?? '') || lex.subjectHeads.has(toks[b].lower) ? x : null;
}

/** how far from its clause's start a subject's verb may stand (five words, skipped words and a place phrase) */
const VERB_REACH = 24;
/** how far back from the count a semicolon opening its clause is looked for */
const SEMI_REACH = 48;

/** The first token from `from` (within VERB_REACH, before offset upTo) where `verbAt` finds a verb, or -1. */
function verbFrom(c: Ctx, from: number, upTo: number, verbAt: (k: number) => boolean): number {
  const toks = c.toks;
  for (let k = from; k < toks.length && k < from + VERB_REACH && toks[k].start < upTo; k++) if (verbAt(k)) return k;
  return -1;
}

/** A subject the actors stage did not take, opening sentence `t` (or a clause after a semicolon) before a verb `verbAt` finds ahead of
 * `upTo` ("The county coroner has released the names", "The health ministry put the toll at 20"): up to
 * five words, none a stop, an auxiliary or (with `names`, for people named) a word that is no name, an article
 * before them aside. */
function bareSubject(c: Ctx, t: number, upTo: number, verbAt: (k: number) => boolean, rule: string, names = true) {
  const { a, toks, lex } = c;
  const skip = (k: number) => lex.subjectSkip.has(toks[k].lower);
  const first = lowerBound(toks, a.sentences[t].start);
  // (the verb near the clause's start: the sentence's, else the last after a semicolon before upTo)
  let k = verbFrom(c, first, upTo, verbAt);
  if (k < 0) {
    const q = lowerBound(toks, upTo);
    let semi = -1;
    for (let j = q - 1; j > first && j >= q - SEMI_REACH && semi < 0; j--) if (toks[j].text === ';') semi = j;
    k = semi < 0 ? -1 : verbFrom(c, semi + 1, upTo, verbAt);
  }
  if (k < 0) return null;
  let e = k;
  while (e > first && skip(e - 1)) e--;
  // ("Health officials in the Puno region raised the toll": a place phrase before the verb is the subject's)
  for (let j = e - 2; j > first && j >= e - 6; j--) {
    if (lex.placePrepositions.has(toks[j].lower) && pastPlace(a, j, (o) => lowerBound(toks, o), (m) => lex.nameArticles.has(toks[m].lower)) === e) { e = j; break; }
  }
  // (or the clause after a semicolon: "...; organisers put the figure at 100,000")
  let b = first;
  for (let j = k - 1; j > first; j--) if (toks[j].text === ';') { b = j + 1; break; }
  while (b < e && lex.nameArticles.has(toks[b].lower)) b++;
  // (a complement's "of (the)" inside a body's name: "le ministère de la Santé")
  const joined = (w: Analysis['tokens'][number]) => !names && (lex.ofLink.has(w.lower) || lex.nameArticles.has(w.lower));
  if (e - b < 1 || e - b > 5 || toks.slice(b, e).some((w) => !isWord(w) || ((lex.stops.has(w.lower) || lex.aux.has(w.lower)) && !joined(w)) || (names && lex.notNames.has(w.lower)))) return null;
  const span = { start: toks[b].start, end: toks[e - 1].end };
  return { source: { name: a.document.text.slice(span.start, span.end), ...span }, evidence: { rule, span } };
}

export function findClaims(a: Analysis, lex: ClaimsLexicon): Claim[] {
  const toks = a.tokens;
  const { c, drafts } = allDrafts(a, lex);
  const { sFirst, sEnd } = sentenceTokens(a);
  const hedgeCache = new Map<number, boolean>();
  const days = new ClaimDays(a);
  const places = indexPlaces(a, { preps: lex.placePrepositions, articles: lex.nameArticles, units: lex.distanceUnits, careNouns: lex.careNouns, careTo: lex.careTo, venueNouns: lex.venueNouns, nextItem: lex.nextItem, regionQualifiers: lex.regionQualifiers, seatedIn: lex.seatedIn });
  // a first line of its own is a headline: what it names is told again in the text
  const titled = a.sentences.length > 1 && /^[^\S\n]*\n/.test(a.document.text.slice(a.sentences[0].end));

  const claims: Claim[] = [];
  const quantitySpans: { start: number; end: number }[] = [];
  for (const d of drafts) {
    const s = toks[d.qi].sentence;
    const floor = sFirst[s];
    const end = sEnd[s];
    const prev = claims.length && claims[claims.length - 1].sentence === s ? claims[claims.length - 1] : undefined;
    const decision = decide(c, d, floor, end, claims, prev);
    if (!decision) {
      // "climbed to 45, up from 31": the figure reported before
      const pf = prev ? previousFigure(c, d, prev) : null;
      if (pf) {
        claims.push(pf);
        quantitySpans.push(pf.quantity);
      }
      continue;
    }
    const { g, found } = decision;
    const { cat, parent } = found;
    if (d.singular && cat.rule === 'claims.category:inherit') continue;
    const grp = describeGroup(c, g, cat, parent, prev);
    const value = tollValue(c, d, cat);
    const { start, end: cend } = claimSpan(c, d, g, cat);
    let hedged = hedgeCache.get(s);
    if (hedged === undefined) { hedged = hedgedSentence(c, floor, end); hedgeCache.set(s, hedged); }
    const sentence = a.sentences[s];
    const attr = claimSource(c, d, { s, floor, end, hedged, earlier: quantitySpans, listed: cat.rule === COLON_LIST ? parent : undefined, named: grp.rule === 'claims.group:named' });
    const evidence: Evidence[] = [
      { rule: cat.rule, span: { start: toks[cat.start].start, end: toks[Math.max(cat.start, cat.end - 1)].end }, note: cat.category },
      { rule: grp.rule, span: grp.whoSpan ?? { start: d.qSpan.start, end: d.qSpan.end } },
    ];
    if (d.singular) evidence.push({ rule: 'claims.singular', span: d.qSpan });
    // "At least 14 civilians including five children were killed": a part of the count before it, though the
    // verb after it is the whole's too (a toll counts the whole)
    const incl = prev ? lex.inclusion.endingAt(toks, d.qi - 1, floor) : null;
    if (incl) evidence.push({ rule: PART_RULE, span: { start: toks[incl.start].start, end: toks[incl.end - 1].end } });
    // ("Among the martyrs were 14 children": a part of the dead, whichever sentence told them)
    else if (cat.rule === 'claims.category:before' && lex.partCueHeads.has(toks[cat.start].lower)) evidence.push({ rule: PART_RULE, span: evidence[0].span });
    if (attr.evidence) evidence.push(attr.evidence);
    if (hedged) evidence.push({ rule: 'claims.hedged', span: { start: sentence.start, end: sentence.end } });
    const claim = claimOf({
      start,
      end: cend,
      quantity: { start: d.qSpan.start, end: d.qSpan.end, text: d.qText },
      value,
      category: cat.category,
      who: d.alias ? d.alias.toLowerCase() : grp.who,
      source: attr.source,
      hedged,
      place: null,
      date: null,
      sentence: s,
      evidence,
      whoSpan: grp.whoSpan,
    });
    // ("Last week, more than 200 people were arrested": no place carries over into another time)
    placeClaim(claim, evidence, places, carriedFrom(claims), opensTopic(c, d, floor, end));
    days.date(claim, evidence, sentence);
    const range = splitTollRange(c, d, cat, claim);
    if (range) {
      claims.push(...range);
      quantitySpans.push(range[0].quantity, range[1].quantity);
      continue;
    }
    if (grp.rule === 'claims.group:named' && remention(claims, claim, titled)) continue;
    claims.push(claim);
    placeBeforePart(claims, places);
    quantitySpans.push(claim.quantity);
    if (g?.paired && cat.rule !== 'claims.category:inherit') {
      const pc = pairedClaim(c, claim, g, cat, evidence);
      claims.push(pc);
      quantitySpans.push({ start: pc.quantity.start, end: pc.quantity.end });
    }
  }
  return claims;
}

/**
 * A named person already counted earlier in the text, mentioned again as background ("X was murdered
 * last year ... the murder of X ... X was slain"): the same person killed, or the same harm again, is not a
 * new count. A harm that gets worse (wounded, then died) still is, and so is the text's first telling
 * after a headline that named it.
 */
function remention(claims: readonly Claim[], claim: Claim, titled: boolean): boolean {
  // the same person: the same name, or one name ending the other ("Kennedy", "Robert F. Kennedy"), not two
  // full names sharing a surname ("John F. Kennedy")
  const same = (x: string, y: string) => x === y || x.endsWith(' ' + y) || y.endsWith(' ' + x);
  return claims.some((e) => !(titled && e.sentence === 0) && e.value.min === 1 && e.value.max === 1 && e.who && same(e.who, claim.who) && e.evidence.some((x) => x.rule === 'claims.group:named') && (e.category === claim.category || e.category === 'killed'));
}

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['sentences', 'tokens', 'quantities', 'dates', 'places', 'actors', 'statements'],
  assigns: ['claims'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('claims.lexicon'), () => loadClaimsLexicon(L));
    a.claims = findClaims(a, lex);
  },
};
