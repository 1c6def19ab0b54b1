// Constructions according-to and citing: "according to X", "citing X", "selon X" at token i, with what they report
// (the clause before, or after a comma that follows the source), and a bare figure another source gives
// ("80 000 ont défilé selon la préfecture, 400 000 selon les syndicats"). Read by reported.ts.
import { type Ctx, type NP, type Reading, capital, isWord } from './context.js';
import type { Span } from '../../core/types.js';
import { add, trimSpan } from './build.js';
import { npAfter } from './np-after.js';
import { speakerFrom } from './speaker.js';
import { firstWord, reportingVerbWithin, skipLeadComma } from './clause.js';

/** Could the phrase after the cue speak? Not a lower-case phrase whose head names a basis ("according to the shape
 * of the craters", "under the terms of the deal": basisNouns), no one. */
function speakerLike(c: Ctx, np: NP): boolean {
  const tok = c.tok;
  if (tok.slice(np.s, np.e).some((t) => capital(t))) return true;
  // the head: the last word before a preposition ("the shape of the craters"), else the last word
  let h = np.e - 1;
  for (let k = np.s + 1; k < np.e; k++) if (c.lex.w.ofPreps.has(tok[k].lower)) { h = k - 1; break; }
  if (!c.lex.w.basisNouns.has(tok[h].lower)) return true;
  // (an actor inside it speaks all the same)
  const a = tok[np.s].start, b = tok[np.e - 1].end;
  return c.actors.some((x) => x.start < b && a < x.end);
}

/** "according to X", "citing X" at token i: the token to go on from, or null when there is none. */
export function sourceCue(c: Ctx, r: Reading, i: number): number | null {
  const tok = c.tok;
  const { S, E } = r;
  const cueM = c.lex.sourceCues.longestAtKeys(c.keys, i);
  if (!cueM) return null;
  // "a-t-on appris lundi auprès d'élus locaux": such a cue only after a verb of learning, which is not what is
  // reported (the content ends at the comma before it)
  let learnedAt = -1;
  if (c.lex.w.learnedCues.has(tok[i].lower)) {
    for (let k = i - 1; k >= Math.max(S, i - 4) && learnedAt < 0; k--) if (c.lex.w.learnedVerbs.has(tok[k].lower)) learnedAt = k;
    if (learnedAt < 0) return null;
    for (let k = learnedAt - 1; k >= Math.max(S, learnedAt - 3); k--) if (tok[k].text === ',') { learnedAt = k; break; }
  }
  // "de sources sécuritaires": a cue ending on a speaker noun keeps it in the speaker
  const from = cueM.end - 1 > i && c.alex.roleNouns.has(tok[cueM.end - 1].lower) ? cueM.end - 1 : cueM.end;
  let np = npAfter(c, from, E);
  // "selon un bilan officiel", "according to a new toll (released by X)": the phrase stops before a document
  // noun, naming no one; its agent, when it has one, is the source
  // ("an Observatory toll": a name before the document noun is its author, and stays)
  // (without an agent the statement stands with no speaker: the figure is only hedged)
  let anonymous = false;
  // ("the relief agency's latest report": an owner before a possessive is its author too)
  const unowned = (x: NP) => !tok.slice(x.s, x.e).some((t) => capital(t) || c.lex.w.possessiveMarkers.has(t.text));
  if (np && np.e < E && c.lex.sourceNouns.has(tok[np.e].lower) && unowned(np)) {
    const agent = documentAgent(c, np.e + 1, E);
    anonymous = !agent;
    np = agent ?? { s: np.s, e: np.e + 1 };
  }
  if (!np || (np.e - np.s === 1 && c.lex.determiners.has(tok[np.s].lower))) return null;
  // "according to the Water, Sanitation and Hygiene Cluster (WASH).": a name listing its fields goes on over its
  // commas to the end
  const nameEnd = np.e < E && tok[np.e].text === ',' && capital(tok[np.s + (c.lex.determiners.has(tok[np.s].lower) ? 1 : 0)]) ? listedNameEnd(c, np.e + 1, E) : -1;
  if (nameEnd > 0) np = { ...np, e: nameEnd };
  if (!anonymous && !speakerLike(c, np)) return null;
  const sp = anonymous ? null : speakerFrom(c, np);
  const isCiting = c.lex.w.citingCues.has(firstWord(cueM.value));
  const prev = c.out[c.out.length - 1];
  if (isCiting && prev && !prev.direct && prev.cue.end <= tok[i].start && tok[i].start - prev.cue.end < 30 && sp) {
    // "SANA reported citing a police spokesman": the spokesman is the speaker, SANA the one told
    const via = prev.speaker ? { name: prev.speaker.name, ...(prev.speaker.actorId ? { actorId: prev.speaker.actorId } : {}) } : null;
    prev.speaker = { ...sp, via };
    prev.evidence.push({ rule: 'statements.citing', span: { start: tok[i].start, end: tok[np.e - 1].end } });
    return np.e - 1;
  }
  let content: Span | null = null;
  const onlyLead = tok.slice(S, i).every((t) => !isWord(t) || c.lex.w.clauseLead.has(t.lower));
  // "..., according to ministry figures, 45 per cent ...": a comma after the source opens the clause
  // (but "..., according to Vadym Filashkin, the regional governor.": a phrase alone up to the end is the
  // source's apposition, and the clause before is what is reported)
  let commaAfter = np.e < E && tok[np.e].text === ',' && trimSpan(c, np.e + 1, E) !== null && !isCiting;
  // ("80 000 ont défilé selon la préfecture, 400 000 selon les syndicats": what follows the comma has a source of
  // its own, so this one's is the clause before)
  if (commaAfter && !onlyLead) for (let j = np.e + 1; j < E && commaAfter; j++) if (c.lex.sourceCues.longestAtKeys(c.keys, j)) commaAfter = false;
  // (", according to police, while organizers said ...": a contrast clause after the comma is another's)
  // (a cue of one word, "from co-workers, while ...", is too weak to tell)
  if (commaAfter && !onlyLead && cueM.end - i > 1 && c.lex.w.contrastClauses.has(tok[np.e + 1]?.lower ?? '')) commaAfter = false;
  const app = commaAfter && !onlyLead ? npAfter(c, np.e + 1, E) : null;
  // (a count opening the phrase after the comma starts a clause, not an apposition: ", according to the ministry,
  // 45 people were killed")
  const counted = !!app && (tok[app.s].kind === 'number' || !!c.countStart[app.s]);
  // (nor a phrase with a relative clause of its own: "..., according to the AAPP, a rights group that tracks
  // arrests", up to its comma)
  const appEnd = !app || counted ? -1 : trimSpan(c, app.e, E) === null ? app.e : c.lex.w.relativePronouns.has(tok[app.e].lower) ? commaOrEnd(c, app.e, E) : -1;
  // ("..., selon le ministère, qui n'a pas donné de détails": nor is a relative clause of the source)
  if (appEnd >= 0 || (commaAfter && c.lex.w.relativePronouns.has(tok[np.e + 1]?.lower ?? ''))) commaAfter = false;
  if (onlyLead || commaAfter) {
    const from = skipLeadComma(c, contactApposition(c, np.e, E), E);
    content = trimSpan(c, from, contrastEnd(c, from, E));
  }
  else content = trimSpan(c, r.lastEnd, learnedAt > r.lastEnd ? learnedAt : i) ?? barFigure(c, r, i);
  if (content) {
    add(c, content, { s: i, e: cueM.end }, isCiting ? 'cite' : 'according to', false, sp, isCiting ? 'citing' : 'according-to');
    r.lastEnd = Math.max(np.e, appEnd);
  }
  return Math.max(np.e, appEnd) - 1;
}

/** From token k to the sentence's end, only capitalised words, commas, a coordinator and a bracketed acronym
 * ("Sanitation and Hygiene Cluster (WASH)"): where the name ends (before a closing bracket's sentence end); -1
 * otherwise. */
function listedNameEnd(c: Ctx, k: number, E: number): number {
  const tok = c.tok;
  let end = -1;
  let joined = false;
  for (let j = k; j < E; j++) {
    const t = tok[j];
    if (t.text === '(' || t.text === ')') continue;
    if ((t.text === '.' || t.text === '!' || t.text === '?') && j === E - 1) break;
    if (t.text === ',' || c.lex.w.coordinators.has(t.lower)) { joined ||= c.lex.w.coordinators.has(t.lower); continue; }
    if (!isWord(t) || !capital(t)) return -1;
    end = j + 1;
  }
  // (the brackets close the name: take them in)
  while (end > 0 && end < E && tok[end].text === ')') end++;
  return joined ? end : -1;
}

/** The index of the first comma from k, or E. */
function commaOrEnd(c: Ctx, k: number, E: number): number {
  for (let j = k; j < E; j++) if (c.tok[j].text === ',') return j;
  return E;
}

/** "Selon le ministère, 1,28 million ont manifesté, tandis que la CGT a revendiqué 3,5 millions": a contrast clause
 * whose own subject reports (a reporting verb within eight words, before any comma) ends what the source said, at
 * its comma; E when there is none. */
function contrastEnd(c: Ctx, from: number, E: number): number {
  const tok = c.tok;
  for (let j = from; j + 2 < E; j++) if (tok[j].text === ',' && c.quoted[j] < 0 && c.lex.w.contrastClauses.has(tok[j + 1].lower) && reportingVerbWithin(c, j + 2, E, false)) return j;
  return E;
}

/** "According to local officials reached by telephone, ...", "Selon des élus joints par téléphone, ...": how the
 * source was reached, up to its comma, is no part of what it said (the comma's index; k when there is none). */
function contactApposition(c: Ctx, k: number, E: number): number {
  const tok = c.tok;
  if (k >= E || !c.lex.w.contactParticiples.has(tok[k].lower)) return k;
  for (let j = k + 1; j < Math.min(E, k + 10); j++) {
    if (tok[j].text === ',') return j;
    if (tok[j].kind === 'number' || c.quoted[j] >= 0 || c.countStart[j]) return k;
  }
  return k;
}

/** "80 000 ont défilé selon la préfecture, 400 000 selon les syndicats": after a statement of its sentence, a bare
 * figure (a count and at most two words) before the cue is what this source reports. */
function barFigure(c: Ctx, r: Reading, i: number): Span | null {
  const tok = c.tok;
  if (c.out.length <= r.firstOfSentence || i - r.lastEnd > 5) return null;
  let s = r.lastEnd;
  while (s < i && !isWord(tok[s]) && tok[s].kind !== 'number') s++;
  // ("..., and 1.2 million according to the unions")
  if (s < i && c.lex.w.coordinators.has(tok[s].lower)) s++;
  if (s >= i || tok[s].kind !== 'number') return null;
  for (let j = s; j < i; j++) if (!isWord(tok[j]) && tok[j].kind !== 'number') return null;
  return { start: tok[s].start, end: tok[i - 1].end };
}

/** "(a toll) released by health authorities", "(un bilan) communiqué par les autorités": the agent a few words
 * after a document noun (from token k), or null. */
function documentAgent(c: Ctx, k: number, E: number): NP | null {
  const tok = c.tok;
  for (let j = k; j < Math.min(E, k + 4); j++) {
    if (!isWord(tok[j]) || c.quoted[j] >= 0) return null;
    if (c.lex.sourcePreps.has(tok[j].lower)) return npAfter(c, j + 1, E);
  }
  return null;
}
