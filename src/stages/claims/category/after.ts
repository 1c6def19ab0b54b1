// Category construction "after": a predicate after the group ("12 people were killed"), strict or across the clause.
import { type Cat, type Ctx, headKind, isWord } from '../context.js';
import { findGroup, skipNested } from '../group.js';

/** quotation marks around a predicate ('were "neutralised"', 'ont été « neutralisés »') */
const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»']);
/** two capitals: an acronym ("IS"), not a word of the language */
const UPPER2 = /^\p{Lu}{2}/u;

/**
 * A predicate after the group: "were killed", "have left", "got injured", "took ... hostage".
 * Strict: within a few words. Loose: anywhere in the clause, across place names ("from Eastville and
 * Westbrook were also stuck"), used only when nothing else names the category.
 */
export function catAfter(c: Ctx, from: number, end: number, loose = false, list = true): Cat | null {
  const { toks, lex } = c;
  let others = 0;
  let steps = 0;
  const maxSteps = loose ? 16 : 8;
  const maxOthers = loose ? 10 : 3;
  for (let k = from; k < end && steps < maxSteps; k++, steps++) {
    if (c.inQ[k] === 1) {
      // "22 Iraqi villagers 6 women killed": a list of counts sharing the predicate
      if (k !== from || loose || !list) return null;
      let m = k;
      while (m < end && c.inQ[m] === 1) m++;
      const g2 = findGroup(c, m, end);
      if (!g2) return null;
      k = g2.last;
      continue;
    }
    // "men aged 35, 42 and 59 were wounded": a list of ages is one step
    if (c.inQ[k] === 2) {
      let m = k;
      while (m + 1 < end && (c.inQ[m + 1] === 2 || (m + 2 < end && c.inQ[m + 2] === 2 && (toks[m + 1].text === ',' || lex.ageRangeJoin.has(toks[m + 1].lower))))) m++;
      k = m;
      continue;
    }
    let p = lex.after.at(toks, k, end);
    // "157 people on board were killed": a predicate of harm right after one of mere presence is what happened
    if (p && p.value === 'other') {
      let m = p.end;
      for (let n = 0; m < end && n < 3 && lex.aux.has(toks[m].lower); n++) m++;
      const q = m > p.end ? lex.after.at(toks, m, end) : null;
      if (q && q.value !== 'other') p = q;
    }
    if (p) {
      // "A suicide bomber killed five policemen": the group is the agent, not the victim
      const passive = p.start > 0 && lex.passiveAux.has(toks[p.start - 1].lower);
      const listed = p.end + 1 < end && c.inQ[p.end] === 1 && (() => { let m = p.end; while (m < end && c.inQ[m] === 1) m++; return m < end && !!lex.noun.at(toks, m, end); })();
      if (!passive && !listed && p.end < end && (c.inQ[p.end] === 1 || headKind(lex, toks[p.end].lower) === 'people' || (lex.indefiniteArticles.has(toks[p.end].lower) && p.end + 1 < end && headKind(lex, toks[p.end + 1].lower)))) return null;
      // "seven were transferred to other hospitals": moved to a place of care are the injured
      let category = p.value;
      if (category === 'displaced' && p.end < end && lex.careTo.has(toks[p.end].lower)) for (let m = p.end + 1; m < Math.min(end, p.end + 5); m++) if (lex.careNouns.has(toks[m].lower)) { category = 'injured'; break; }
      return { category, rule: loose ? 'claims.category:after-clause' : 'claims.category:after', start: p.start, end: p.end };
    }
    // "23 people were rescued and about ten are still missing": after a verb group of its own ("were rescued") the
    // next count starts a clause of its own, not a group sharing the predicate
    // ("IS fighters among them": an acronym is no auxiliary; "was also among": an adverb is no verb)
    if (k - 2 >= from && lex.passiveAux.has(toks[k - 2].lower) && !UPPER2.test(toks[k - 2].text) && isWord(toks[k - 1]) && !c.inQ[k - 1] && !lex.stops.has(toks[k - 1].lower) && !lex.aux.has(toks[k - 1].lower) && lex.nestedJoin.at(toks, k, end)) return null;
    // "More than 1.9 million people, about 90% of the population, have been displaced": an apposition opening
    // with a number (or one word and a number), set off by commas, before the verb group; not a relative clause
    // that holds a count of its own ("who were guarding the base when 3 people were killed")
    // ("some 25 million people, more than half the population, need aid": or a share of a whole, proportionWords)
    if (toks[k].text === ',' && k + 2 < end && !lex.relativeWords.has(toks[k + 1].lower)) {
      let m = k + 1;
      let share = toks[k + 1].kind === 'number' || toks[k + 2].kind === 'number' || c.inQ[k + 1] === 1;
      for (; m < end && m < k + 12 && toks[m].text !== ','; m++) if (lex.proportionWords.has(toks[m].lower)) share = true;
      if (!share) m = end;
      if (m + 1 < end && toks[m].text === ',' && (lex.aux.has(toks[m + 1].lower) || lex.after.at(toks, m + 1, end))) { k = m; continue; }
    }
    const skip = skipNested(c, k, end);
    // ("two officials speaking on condition of anonymity, at least 40 soldiers were killed": a count after a comma,
    // once words that are no part of the group came between, opens a clause of its own)
    if (skip > k && toks[k].text === ',' && others > 0) return null;
    if (skip > k) { k = skip - 1; continue; }
    // "A father of three (children) was killed": the count describing the person is one step
    if (c.inQ[k + 1] === 1 && lex.parentOf.endingAt(toks, k, Math.max(0, k - 3))) {
      let m = k + 1;
      while (m < end && c.inQ[m] === 1) m++;
      if (m < end && headKind(lex, toks[m].lower) === 'people') m++;
      k = m - 1;
      continue;
    }
    // "A senior commander of the Pakistan-based militant group was killed": a genitive after the group, up to the
    // verb group, is one step
    if (lex.ofLink.has(toks[k].lower)) {
      const m = genitiveEnd(c, k + 1, end);
      if (m > 0) { k = m - 1; continue; }
    }
    const t = toks[k];
    // "Dozens were said to be trapped", "were believed to have died": a hedge inside the verb group
    const hedge = lex.hedges.at(toks, k, end);
    if (hedge) { k = hedge.end - 1; continue; }
    if (lex.aux.has(t.lower)) continue;
    // "ont par ailleurs été enlevés", "were meanwhile abducted": an adverbial of topic inside the verb group
    const brk = k > from ? lex.topicBreaks.at(toks, k, end) : null;
    if (brk) { k = brk.end - 1; continue; }
    // "At least 40 people, including six children, were killed": an inclusion set off by commas
    if (t.text === ',' && k + 1 < end && lex.inclusion.at(toks, k + 1, end)) {
      let m = k + 2;
      while (m < end && m < k + 14 && toks[m].text !== ',') m++;
      if (m < end && toks[m].text === ',') { k = m; continue; }
    }
    // "At least 200 people, civilians and soldiers, were killed": an apposition of people's nouns set off by commas,
    // before the verb group
    if (t.text === ',' && k + 1 < end && headKind(lex, toks[k + 1].lower) === 'people') {
      let m = k + 1;
      while (m < end && m < k + 8 && (headKind(lex, toks[m].lower) === 'people' || lex.coordinators.has(toks[m].lower))) m++;
      if (m + 1 < end && toks[m].text === ',' && (lex.aux.has(toks[m + 1].lower) || lex.after.at(toks, m + 1, end))) { k = m; continue; }
    }
    // "Twelve soldiers, who were guarding the base, were killed": a relative clause set off by commas (also
    // "most of whom were civilians")
    if (t.text === ',' && k + 1 < end && (lex.relativeWords.has(toks[k + 1].lower) || (k + 3 < end && lex.ofLink.has(toks[k + 2].lower) && lex.relativeWords.has(toks[k + 3].lower)))) {
      let m = k + 2;
      while (m < end && m < k + 16 && toks[m].text !== ',' && !c.inQ[m]) m++;
      if (m < end && toks[m].text === ',') { k = m; continue; }
    }
    // "two boys (9-11 years) were injured"
    if (t.text === '(') {
      let m = k + 1;
      while (m < end && m < k + 10 && toks[m].text !== ')') m++;
      if (m < end && toks[m].text === ')') { k = m; continue; }
    }
    // "17 passengers mostly students and teachers were killed"
    if (lex.coordinators.has(t.lower) && k > from && k + 1 < end && headKind(lex, toks[k - 1].lower) === 'people' && headKind(lex, toks[k + 1].lower) === 'people') continue;
    // "a woman - sentenced to death by the court - was stoned to death": skip the aside
    if (t.text === '-' || t.text === '–' || t.text === '—') {
      let m = k + 1;
      while (m < end && m < k + 14 && toks[m].text !== t.text) m++;
      if (m < end && toks[m].text === t.text) { k = m; continue; }
    }
    if ((lex.coordinators.has(t.lower) || t.text === ',') && k > from && k + 1 < end && /^\p{Lu}/u.test(toks[k - 1].text) && /^\p{Lu}/u.test(toks[k + 1].text)) continue;
    // loose: "from across our city and country have come together": "and" between two plain nouns
    if (loose && lex.coordinators.has(t.lower) && k > from && k + 2 < end && plainWord(c, k - 1) && plainWord(c, k + 1) && !plainWord(c, k + 2) ) continue;
    // ("had since fled": an adverb between the auxiliary and its verb, no clause word)
    if (k > from && lex.aux.has(toks[k - 1].lower) && lex.auxAdverbs.has(t.lower)) continue;
    if (lex.stops.has(t.lower)) return null;
    if (!isWord(t) && t.text !== '-' && !QUOTE_MARKS.has(t.text) && !c.inQ[k]) return null;
    if (++others > maxOthers) return null;
  }
  return null;
}

/** the most words of a genitive after the group ("of the Pakistan-based militant group X") */
const MAX_GENITIVE = 5;

/** The end of a genitive's noun phrase starting at m (its article, then words), when an auxiliary or a predicate
 * follows it at once; else -1. */
function genitiveEnd(c: Ctx, m: number, end: number): number {
  const { toks, lex } = c;
  while (m < end && lex.articles.has(toks[m].lower)) m++;
  const first = m;
  while (m < end && m - first < MAX_GENITIVE) {
    const t = toks[m];
    if (lex.aux.has(t.lower) || lex.after.at(toks, m, end)) return m > first ? m : -1;
    if (!isWord(t) || c.inQ[m] || lex.stops.has(t.lower)) return -1;
    m++;
  }
  return -1;
}

/** A lower-case word that is no cue, auxiliary, clause word or count: part of a noun phrase. */
function plainWord(c: Ctx, k: number): boolean {
  const { toks, lex } = c;
  const t = toks[k];
  return isWord(t) && !c.inQ[k] && /^\p{Ll}/u.test(t.text) && !lex.aux.has(t.lower) && !lex.stops.has(t.lower) && !lex.after.at(toks, k, k + 1) && !lex.before.at(toks, k, k + 1) && !headKind(lex, t.lower);
}
