// A person named in apposition to the role that heads a speaker phrase ("said its spokesman, X, at a
// briefing", "a indiqué le gouverneur de la province, X"): the phrase then runs to the end of the name, and
// the speaker is that person (speaker.ts takes the person inside a phrase first).
import { type Ctx, tokAt } from './context.js';

/** "its spokesman, Thameen Al-Kheetan, at a briefing", "le gouverneur de la province, X, a": a person named in
 * apposition to the role (its last word, or its head before a remit) is the one speaking: where the phrase
 * [s, e) then ends (e when none). */
export function namedAfterRole(c: Ctx, s: number, e: number, limit: number): number {
  const tok = c.tok;
  if (e + 1 >= limit || tok[e].text !== ',' || !(roleEndsBefore(c, e) || roleHeadAt(c, s, e))) return e;
  const a = c.actorByStartTok.get(e + 1);
  if (!a || a.kind !== 'person') return e;
  const ae = tokAt(tok, a.end);
  return ae <= limit && (ae === limit || tok[ae].text === ',' || tok[ae].text === '.') ? ae : e;
}

/** Whether the phrase [s, e) opens with a role noun (past a determiner) followed by "of"/"de" and its remit
 * ("the governor of the province", "le gouverneur de la province du Sud-Kivu"). */
function roleHeadAt(c: Ctx, s: number, e: number): boolean {
  const tok = c.tok;
  let h = s;
  if (h < e && c.lex.determiners.has(tok[h].lower)) h++;
  return h + 1 < e && c.alex.roleNouns.has(tok[h].lower) && c.lex.w.ofPreps.has(tok[h + 1].lower);
}

/** Whether the word before token e is a role noun ("spokesman"; "porte-parole" written with its hyphen). */
function roleEndsBefore(c: Ctx, e: number): boolean {
  const t = c.tok[e - 1];
  if (c.alex.roleNouns.has(t.lower)) return true;
  const w = e >= 3 && c.tok[e - 2].text === '-' && c.tok[e - 2].start === c.tok[e - 3].end ? c.tok[e - 3].lower + '-' + t.lower : t.lower;
  return c.alex.roleNouns.has(w);
}
