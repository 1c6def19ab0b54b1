// Triggers: the words of a sentence that name a kind of happening (data/en/events.json), less those
// that report none: a reference to a happening told elsewhere ("the suspect in the bombings"), a
// charge ("one count of kidnapping"), or something unreal (a plan, a demand, a question, a denial).
import type { Token } from '../../core/types.js';
import { type EventLexicon, type EventRule } from './lexicon.js';
import { endsWithAny } from '../endings.js';
import { matchAt, phrase, phraseIndex, phrasesOf, SentenceWords, WordListIndex, type Phrase } from './match.js';
import { WordFilter } from '../word-filter.js';

export interface Hit {
  rule: EventRule;
  /** character span of the trigger */
  start: number;
  end: number;
  /** token range of the trigger in the sentence */
  first: number;
  last: number;
}

/** A phrase of `list` ending right before token i, or within `window` tokens before it in the same clause. */
function cueBefore(toks: Token[], i: number, list: Phrase[], lex: EventLexicon): Phrase | null {
  const { window, stops } = lex.notReported;
  const idx = phraseIndex(list);
  let floor = Math.max(0, i - window);
  for (let s = i - 1; s >= floor; s--) {
    for (const p of phrasesOf(idx, toks[s].lower)) {
      const e = matchAt(toks, s, p);
      if (e > 0 && e <= i) return p;
    }
    // "accused of crossing state lines and shooting and killing two": a list of gerunds goes on over "and"
    const gerundList = lex.words.coordinators.has(toks[s].lower) && endsWithAny(toks[s + 1]?.lower ?? '', lex.words.gerundEndings);
    if (gerundList) floor = Math.max(0, floor - 3);
    else if (stops.has(toks[s].lower)) break;
  }
  return null;
}

/** Why a trigger at token i reports no happening of its own, or null when it does. */
export function notReported(toks: Token[], i: number, lex: EventLexicon): string | null {
  if (cueBefore(toks, i, lex.notReported.reference, lex)) return 'reference';
  if (cueBefore(toks, i, lex.notReported.unreal, lex)) return 'unreal';
  // "the murdered journalist", "of murdered Saudi journalist": a participle naming the victim
  if (i > 0 && endsWithAny(toks[i].lower, lex.words.pastEndings) && lex.notReported.attributiveBefore.has(toks[i - 1].lower) && toks[i + 1]?.kind === 'word') return 'attributive';
  return null;
}

/** "more demonstrations would be held on Thursday", "a rally planned for Friday": a phrase of what is yet to happen
 * within two words after the trigger (ending at token `end`, excluded). */
function unrealAfter(toks: Token[], end: number, lex: EventLexicon): boolean {
  const list = lex.notReported.unrealAfter;
  if (!list.length) return false;
  const idx = phraseIndex(list);
  for (let s = end; s < Math.min(toks.length, end + 3); s++) {
    for (const p of phrasesOf(idx, toks[s].lower)) if (matchAt(toks, s, p) > 0) return true;
    if (lex.notReported.stops.has(toks[s].lower)) return false;
  }
  return false;
}

/** "A magnitude 6.8 earthquake struck", "Storm strikes coast": a natural hazard right before the verb (an adverb
 * between at most) did it: no attack (a movement it caused stays one: "Floods displaced"). */
function hazardBefore(toks: Token[], i: number, lex: EventLexicon): boolean {
  const hz = lex.notReported.hazards;
  return (i > 0 && hz.has(toks[i - 1].lower)) || (i > 1 && toks[i - 1].kind === 'word' && endsWithAny(toks[i - 1].lower, lex.words.adverbEndings) && hz.has(toks[i - 2].lower));
}

type Candidates = { rule: EventRule; phrase: Phrase }[];

/** A word's first two letters as a number (a key that needs no new string per token). */
const firstTwo = (w: string) => (w.length >= 2 ? w.charCodeAt(0) * 65536 + w.charCodeAt(1) : -1 - w.charCodeAt(0));

/**
 * The trigger lookups of a lexicon, built once: the prefix triggers by their first two letters as a
 * number, and quick filters (no false negatives) that most words of a text fail before either map is
 * asked.
 */
interface TriggerIndex {
  prefixed: Map<number, Candidates>;
  prefixBits: Uint8Array;
  firsts: WordFilter;
}
const triggerIndexes = new WeakMap<EventLexicon, TriggerIndex>();
function triggerIndex(lex: EventLexicon): TriggerIndex {
  let idx = triggerIndexes.get(lex);
  if (!idx) {
    idx = { prefixed: new Map(), prefixBits: new Uint8Array(65536), firsts: new WordFilter() };
    for (const [two, list] of lex.prefixedBy2) {
      idx.prefixed.set(firstTwo(two), list);
      idx.prefixBits[firstTwo(two) & 0xffff] = 1;
    }
    for (const w of lex.byFirst.keys()) idx.firsts.add(w);
    triggerIndexes.set(lex, idx);
  }
  return idx;
}

const NONE: Candidates = [];

/** The rules' "needs_words" lists, one index per lexicon. */
const needsIndexes = new WeakMap<EventLexicon, WordListIndex>();
function needsIndex(lex: EventLexicon): WordListIndex {
  let idx = needsIndexes.get(lex);
  if (!idx) needsIndexes.set(lex, (idx = new WordListIndex(lex.rules.flatMap((r) => (r.needs_words?.length ? [r.needs_words] : [])))));
  return idx;
}

/** Whether a rule may fire in this sentence: a claim of its categories, a word of its list or a place. */
function usable(rule: EventRule, claimCategories: Set<string>, hasPlace: boolean, words: SentenceWords, needs: WordListIndex): boolean {
  if (!rule.needs_claim && !rule.needs_words) return true;
  const claim = !!rule.needs_claim && rule.needs_claim.some((c) => claimCategories.has(c));
  const word = (rule.needs_words != null && rule.needs_words.length > 0 && words.meets(needs, rule.needs_words)) || Boolean(rule.or_place && hasPlace);
  return rule.needs_all ? claim && word : claim || word;
}

/** Whether a claim of the rule's categories starts within three words after the trigger ending before token `end`. */
function objectCounted(rule: EventRule, toks: Token[], end: number, claims: readonly ClaimStart[]): boolean {
  const limit = toks[Math.min(end + 2, toks.length - 1)]?.end ?? 0;
  const from = toks[end - 1].end;
  return claims.some((c) => c.start >= from && c.start < limit && !!rule.needs_claim?.includes(c.category));
}

/** A trigger of this rule at token i (ending before `end`) cancelled: by one of its rule's "unless" phrases overlapping
 * it, a building as its object, a background phrase in the three tokens before it, a cue of no report, a natural
 * hazard as its subject, or a missing object count. */
function cancelledAt(toks: Token[], i: number, rule: EventRule, end: number, lex: EventLexicon, claims: readonly ClaimStart[]): boolean {
  return (
    rule.unless.some((u) => {
      for (let s = Math.max(0, i - u.words.length + 1); s <= i; s++) if (matchAt(toks, s, u) > i) return true;
      return false;
    }) ||
    // background, not the event itself: "under the deal", "as part of the agreement"
    rule.unlessBefore.some((u) => {
      for (let s = Math.max(0, i - 3 - u.words.length); s < i; s++) {
        const e = matchAt(toks, s, u);
        if (e > 0 && e <= i) return true;
      }
      return false;
    }) ||
    (objectNamed(toks, end, rule.unlessObject) && !toks.some((t) => rule.objectKeptBy.has(t.lower))) ||
    notReported(toks, i, lex) != null ||
    unrealAfter(toks, end, lex) ||
    (rule.type !== 'Movements' && hazardBefore(toks, i, lex)) ||
    (!!rule.object_claim && !objectCounted(rule, toks, end, claims))
  );
}

const needsPhrases = new WeakMap<EventRule, Phrase[]>();
/** Does one of the rule's needs_words stand between tokens a and b (b excluded)? */
function needsWordIn(toks: Token[], a: number, b: number, rule: EventRule): boolean {
  let list = needsPhrases.get(rule);
  if (!list) needsPhrases.set(rule, (list = (rule.needs_words ?? []).map(phrase)));
  for (let s = a; s < b; s++) for (const p of list) { const e = matchAt(toks, s, p); if (e > 0 && e <= b) return true; }
  return false;
}

/**
 * A rule that counts its object ("killed 20 militants") is the toll of another trigger before it in the clause
 * ("A strike on the camp killed 20 militants"): no happening of its own, unless one of its needs_words names who
 * killed in between ("jets struck the village and gunmen killed 12").
 */
function tollOfEarlier(h: Hit, hits: Hit[], toks: Token[], lex: EventLexicon): boolean {
  if (!h.rule.object_claim || !h.rule.yields) return false;
  // (the nearest such trigger, a few words back: hits are in text order)
  let o: Hit | undefined;
  for (const x of hits) if (x.last < h.first && x.rule.type !== h.rule.type) o = x;
  if (!o || h.first - o.last > TOLL_REACH) return false;
  for (let k = o.last + 1; k < h.first; k++) if (toks[k].text === ';' || lex.words.clauseStops.has(toks[k].lower)) return false;
  return !needsWordIn(toks, o.last + 1, h.first, h.rule);
}
/** the most tokens between a trigger and the killing that is its toll ("A strike on the village of X killed") */
const TOLL_REACH = 14;

/** the most words from a trigger to a noun of its unless_object, that noun included ("took over the main police station") */
const OBJECT_REACH = 4;

/** Whether one of `nouns` follows the trigger ending before token `end`, within OBJECT_REACH words and no
 * punctuation (an elided article is a word: "pris d'assaut l'hôtel"). */
function objectNamed(toks: Token[], end: number, nouns: ReadonlySet<string>): boolean {
  if (nouns.size === 0) return false;
  for (let k = end; k < toks.length && k < end + OBJECT_REACH; k++) {
    if (toks[k].kind !== 'word' || toks[k].sentence !== toks[end - 1].sentence) return false;
    if (nouns.has(toks[k].lower)) return true;
  }
  return false;
}

/** Where a claim of the sentence starts, and what happened to those it counts. */
export interface ClaimStart {
  start: number;
  category: string;
}

export function findTriggers(toks: Token[], lex: EventLexicon, claimCategories: Set<string>, hasPlace = false, words = new SentenceWords(toks), claims: readonly ClaimStart[] = []): Hit[] {
  const hits: Hit[] = [];
  const { prefixed, prefixBits, firsts } = triggerIndex(lex);
  const needs = needsIndex(lex);
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'word') continue;
    // the rules whose trigger starts here, the longest first (in rule order among equals)
    let cands: { rule: EventRule; end: number }[] | null = null;
    const w = toks[i].lower;
    for (const cand of (firsts.mayHave(w) && lex.byFirst.get(w)) || NONE) {
      if (!usable(cand.rule, claimCategories, hasPlace, words, needs)) continue;
      const e = matchAt(toks, i, cand.phrase);
      if (e > 0) (cands ??= []).push({ rule: cand.rule, end: e });
    }
    const two = cands ? 0 : firstTwo(w);
    if (!cands && prefixBits[two & 0xffff] === 1) {
      for (const cand of prefixed.get(two) ?? NONE) {
        if (usable(cand.rule, claimCategories, hasPlace, words, needs) && w.startsWith(cand.phrase.words[0])) {
          cands = [{ rule: cand.rule, end: i + 1 }];
          break;
        }
      }
    }
    if (!cands) continue;
    if (cands.length > 1) cands.sort((x, y) => y.end - x.end);
    // the first not cancelled ("stormed the hospital" is no territory taken, but an attack when a toll is told)
    const hit = cands.find((x) => !cancelledAt(toks, i, x.rule, x.end, lex, claims));
    if (hit) hits.push({ rule: hit.rule, start: toks[i].start, end: toks[hit.end - 1].end, first: i, last: hit.end - 1 });
    i = (hit ?? cands[0]).end - 1;
  }
  // a rule that yields ("attacked" with a toll) is only the sentence's trigger when no other rule's is
  const kept = hits.length > 1 ? hits.filter((h) => !tollOfEarlier(h, hits, toks, lex)) : hits;
  return kept.some((h) => h.rule.yields) && kept.some((h) => !h.rule.yields) ? kept.filter((h) => !h.rule.yields) : kept;
}
