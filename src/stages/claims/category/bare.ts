// Category construction "bare": a number with no counted noun ("killing 6 in Hillside", "10 shot dead and one
// beheaded", "the death toll rose to 64 the monitor said", "4 in Riverside" in a list). A cue before the
// number counts only when it is strong or the number stands alone; a noun we do not count after it
// ("Evacuation of 4 Syrian Towns", "destroyed 18 tanks and positions") means no claim.
import { type Cat, type Ctx, type Draft, headKind, isWord } from '../context.js';
import { endsWithAny } from '../../endings.js';
import { nounFollows } from '../group.js';
import { catAfter } from './after.js';
import { catNoun } from './noun.js';

/** null: no claim; otherwise the category (null when none fires yet) and whether the number stands alone. */
export function catBare(c: Ctx, d: Draft, end: number, lead: Cat | null): { cat: Cat | null; elliptic: boolean } | null {
  const { toks, lex } = c;
  const next = d.qj < end ? toks[d.qj] : undefined;
  // "10 shot dead and one beheaded": the predicate follows the number directly
  const afterNext = lex.after.at(toks, d.qj, end);
  // (a participle before a noun modifies it, "10 wounded soldiers"; a finite verb takes it as its object or
  // complement, a headline's "Thousands flee clashes")
  const elliptic = !next || !isWord(next) || lex.ellipsisNext.has(next.lower) || (!!afterNext && (!nounFollows(c, afterNext.end, end) || !endsWithAny(toks[afterNext.start].lower, lex.participleEndings)));
  const det = next && lex.articles.has(next.lower);
  const strong = lead && (lead.rule !== 'claims.category:before' || elliptic || det || (next && (lex.before.at(toks, d.qj, end) || lex.after.at(toks, d.qj, end))));
  if (!strong && !elliptic) return null;
  if (next && isWord(next) && !lex.ellipsisNext.has(next.lower) && !lex.after.at(toks, d.qj, end) && !lex.before.at(toks, d.qj, end)) {
    let m = d.qj;
    while (m + 1 < end && m < d.qj + 2 && /^\p{Lu}/u.test(toks[m].text) && !endsWithAny(toks[m].lower, lex.pluralEndings) && isWord(toks[m + 1])) m++;
    if (nounFollows(c, d.qj, end) || (/^\p{Lu}/u.test(toks[m].text) && endsWithAny(toks[m].lower, lex.pluralEndings) && !headKind(lex, toks[m].lower))) return null;
  }
  let cat: Cat | null = strong ? lead : null;
  // "1,200 were killed and about 250 taken hostage": a predicate right after the number is its own, not the
  // verb before it, when words stand between that verb and the number (the auxiliary left out)
  if (cat && afterNext && cat.rule === 'claims.category:before' && cat.end < d.qi) cat = catAfter(c, d.qj, end, false, false) ?? cat;
  if (!cat) cat = catAfter(c, d.qj, end, false, false);
  if (!cat) cat = copulaSubject(c, d);
  return { cat, elliptic };
}

/** "Les manifestants étaient 20 000", "Ils étaient 3 500 à Lyon", "The dead numbered 40": the people a copula
 * before the number counts, of the category their noun names (people with no harm named: other). */
function copulaSubject(c: Ctx, d: Draft): Cat | null {
  const { toks, lex } = c;
  const k = d.qi - 2;
  if (k < 0 || !lex.countCopulas.has(toks[d.qi - 1].lower) || toks[k].sentence !== toks[d.qi].sentence) return null;
  const w = toks[k].lower;
  if (lex.countPronouns.has(w)) return { category: 'other', rule: 'claims.category:copula', start: k, end: d.qj };
  if (headKind(lex, w) !== 'people') return null;
  const own = catNoun(c, { first: k, head: k, last: k, kind: 'people', rule: 'claims.group:copula-subject' });
  return { category: own?.category ?? 'other', rule: 'claims.category:copula', start: k, end: d.qj };
}
