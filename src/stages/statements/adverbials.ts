// Adverbials after a reporting verb, before what was said: commas, time words and phrases ("on Tuesday",
// "late on Sunday"), a channel ("on Telegram", "à la télévision"), a statement ("in a statement on its
// website"). Used by the statement constructions (reported.ts, direct-quotes.ts, clause.ts).
import { type Ctx, type NP, isWord, tokAt, verbAt } from './context.js';

/** Past the adverbials at token k (up to six of them), before `limit`: the token after them. */
export function skipAdverbials(c: Ctx, k: number, limit: number): number {
  const tok = c.tok;
  const skip = c.lex.skipAfter;
  const cls = c.lex.w; // the word classes (w is the word at k)
  for (let guard = 0; guard < 6 && k < limit; guard++) {
    const w = tok[k].lower;
    if (tok[k].text === ',') { k++; continue; }
    // "said on condition of anonymity", "a indiqué sous couvert d'anonymat"
    const anon = c.lex.anonymity.longestAtKeys(c.keys, k);
    if (anon && anon.end <= limit) { k = anon.end; continue; }
    if (cls.adverbials.has(w) || c.lex.timeWords.has(w)) { k++; continue; }
    if (cls.timeLead.has(w) && k + 1 < limit && cls.timeLeadNext.has(tok[k + 1].lower)) { k++; continue; }
    if (cls.timePreps.has(w) && k + 1 < limit) {
      const n = tok[k + 1].lower;
      if (cls.timeNouns.has(n)) {
        k += 2;
        if (k < limit && cls.dayParts.has(tok[k].lower)) k++;
        continue;
      }
      if (cls.channelOwners.has(n) && k + 2 < limit && cls.channels.has(tok[k + 2].lower)) {
        k += k + 3 < limit && cls.channels.has(tok[k + 3].lower) ? 4 : 3;
        continue;
      }
      // "on June 10", "on 5 July"
      if (cls.dayPreps.has(w) && (tok[k + 1].kind === 'number' || cls.months.has(n) || cls.shortMonths.has(n))) {
        k += 2;
        // ("on Aug. 14": the period of a short month)
        if (cls.shortMonths.has(n) && k < limit && tok[k].text === '.') k++;
        while (k < limit && (tok[k].kind === 'number' || cls.months.has(tok[k].lower))) k++;
        continue;
      }
    }
    // "said on Telegram the governor", "a précisé sur Telegram le gouverneur", "à la télévision"
    if (cls.channelPreps.has(w) && k + 1 < limit) {
      let j = k + 1;
      if (j < limit && (cls.channelOwners.has(tok[j].lower) || cls.articles.has(tok[j].lower))) j++;
      // ("on its Telegram channel", "on his X account": a channel named before the channel noun)
      if (j < limit && cls.channels.has(tok[j].lower)) {
        k = j + 1 < limit && cls.channels.has(tok[j + 1].lower) ? j + 2 : j + 1;
        continue;
      }
    }
    if (cls.statementPreps.has(w) && k + 1 < limit) {
      let j = k + 1;
      let n = 0;
      while (j < limit && n < 4 && !c.lex.statementNouns.has(tok[j].lower) && isWord(tok[j]) && skip.has(tok[j].lower)) { j++; n++; }
      if (j < limit && c.lex.statementNouns.has(tok[j].lower)) {
        k = statementTail(c, j + 1, limit);
        // "in a statement on its website", "in a statement posted on Telegram"
        continue;
      }
      // "in an interview with X" / "in a phone call with Y" handled by the noun list; "in Geneva": a place, stop
    }
    if (cls.hearerPreps.has(w) && k + 1 < limit) {
      let j = k + 1;
      if (cls.articles.has(tok[j].lower)) j++;
      if (cls.toHearer.has(tok[k + 1].lower) && j < limit && cls.toHearerHeads.has(tok[j].lower)) { k = j + 1; continue; }
      // "a déclaré à l'AFP", "said to Reuters": a named organisation told
      const told = j < limit ? c.actorByStartTok.get(j) : undefined;
      if (told && told.kind === 'organization') { k = tokAt(tok, told.end); continue; }
    }
    break;
  }
  return k;
}

/** the most words of the phrase after a statement's participle ("carried by the official news agency SANA") */
const MAX_TAIL = 6;

/** Past "carried by state media", "posted on its website" after a statement noun at k: the token after, or k. */
function statementTail(c: Ctx, k: number, limit: number): number {
  const tok = c.tok;
  const cls = c.lex.w;
  if (k + 1 >= limit || !cls.statementParticiples.has(tok[k].lower) || !cls.statementParticiplePreps.has(tok[k + 1].lower)) return k;
  let j = k + 2;
  // (the first word after the preposition is the phrase's, whatever verb it looks like: "by state media")
  while (j < limit && j < k + 2 + MAX_TAIL && isWord(tok[j]) && !c.lex.that.has(tok[j].lower) && c.quoted[j] < 0 && (j === k + 2 || !verbAt(c, j))) j++;
  return j;
}

/** "a déclaré à l'AFP", "said to Reuters": the organisation told, between `from` and `limit` (the verb's
 * adverbials, or the words after an inverted speaker), before a sentence end; null when none is. */
export function toldOutlet(c: Ctx, from: number, limit: number): NP | null {
  const tok = c.tok;
  const cls = c.lex.w;
  for (let k = from; k + 1 < limit; k++) {
    if (tok[k].kind === 'punct' && /^[.!?;:]$/.test(tok[k].text)) return null;
    if (!cls.hearerPreps.has(tok[k].lower)) continue;
    const j = cls.articles.has(tok[k + 1].lower) ? k + 2 : k + 1;
    const told = j < limit ? c.actorByStartTok.get(j) : undefined;
    if (told && told.kind === 'organization') return { s: j, e: tokAt(tok, told.end) };
  }
  return null;
}
