// The final pass: gender of the people in the article, reported clauses that hold an actor, and pronoun speakers resolved with both.
import type { Actor, Speaker } from '../../core/types.js';
import { type Ctx, GENDER, tokAt } from './context.js';
import { namedWithHead, speakerFrom } from './speaker.js';
import { resolveBySalience } from './salience.js';

// a given name is weaker evidence than an honorific (3) and is outvoted by the pronouns that follow
const GIVEN_WEIGHT = 1.5;
/** Gender of the people in the article, from "Mr./Ms." and from the first he/she pronoun after a mention. */
export function inferGender(c: Ctx): Map<string, string> {
  const votes = new Map<string, number>();
  const tok = c.tok;
  const persons = c.actors.filter((a) => a.kind === 'person');
  for (let k = 0; k < persons.length; k++) {
    const a = persons[k];
    const id = a.id;
    const t0 = tokAt(tok, a.start);
    if (c.quoted[t0] >= 0) continue;
    // the honorific before the name, or at its head ("Mr. Peter Hansen" is one actor)
    const head = a.text.split(/\s+/)[0].toLowerCase().replace(/\.$/, '');
    const prev = c.lex.w.honorifics.has(head) ? head : tok[t0 - 1]?.lower.replace(/\.$/, '');
    let v = 0;
    if (c.lex.w.maleTitles.has(prev)) v += 3;
    if (c.lex.w.femaleTitles.has(prev)) v -= 3;
    const role = (a.role ?? '').toLowerCase();
    const roleWords = role.split(/[^\p{L}\p{N}_]+/u);
    if (roleWords.some((w) => c.lex.w.maleRoleWords.has(w))) v += 2;
    if (roleWords.some((w) => c.lex.w.femaleRoleWords.has(w))) v -= 2;
    // a given name that is (almost) always one gender
    // (a lone word is a surname more often than not: "Baxter", "Howell")
    const parts = a.name.split(/\s+/);
    // (the actors lexicon's map: one copy for both stages)
    const given = parts.length > 1 ? c.alex.givenGender.get(parts[0].toLowerCase()) : undefined;
    if (given) v += given === 'm' ? GIVEN_WEIGHT : -GIVEN_WEIGHT;
    // the first gendered pronoun after the mention, before the next person, in the same or next sentence
    const nextStart = persons[k + 1]?.start ?? Infinity;
    const sent = tok[t0].sentence;
    for (let j = tokAt(tok, a.end); j < tok.length && tok[j].start < nextStart && tok[j].sentence <= sent + 1; j++) {
      if (c.quoted[j] >= 0) continue;
      // in the next sentence only its first word counts ("... fled in 2015. He said ..."), after a connective ("But he said")
      if (tok[j].sentence > sent && j > 0 && tok[j - 1].sentence === tok[j].sentence && !(tok[j - 2]?.sentence !== tok[j].sentence && c.lex.sentenceLead.has(tok[j - 1].lower))) break;
      if (c.lex.w.malePronouns.has(tok[j].lower)) { v += 1; break; }
      if (c.lex.w.femalePronouns.has(tok[j].lower)) { v -= 1; break; }
    }
    if (v) votes.set(id, (votes.get(id) ?? 0) + v);
  }
  const out = new Map<string, string>();
  for (const [id, v] of votes) if (v) out.set(id, v > 0 ? 'm' : 'f');
  c.genderVotes = votes;
  // speakers carry the name when they have no id
  for (const a of persons) if (out.has(a.id)) out.set(a.name, out.get(a.id)!);
  return out;
}

export function markContentActors(c: Ctx) {
  const m = new Map<Actor, number>();
  const rep = c.out.filter((s) => !s.direct).sort((a, b) => a.start - b.start);
  let j = 0;
  for (const a of c.actors) {
    while (j < rep.length && rep[j].end <= a.start) j++;
    // the clauses are few per sentence: look at the next few that may hold it
    for (let k = j; k < rep.length && rep[k].start <= a.start; k++) {
      if (a.end <= rep[k].end) {
        m.set(a, rep[k].end);
        break;
      }
    }
  }
  c.contentActors = m;
}

export function resolvePronouns(c: Ctx) {
  if (GENDER) c.gender = inferGender(c);
  markContentActors(c);
  c.out.sort((a, b) => a.start - b.start);
  c.salient = resolveBySalience(c);
  c.out.sort((a, b) => a.start - b.start);
  c.final = true;
  const all = c.out;
  c.out = [];
  for (const st of all) {
    const sp = st.speaker as (Speaker & { pronoun?: boolean }) | null;
    if (sp && sp.pronoun) {
      const i = tokAt(c.tok, sp.start);
      // a pronoun alone, or a possessive before a statement noun ("her statement")
      const r = speakerFrom(c, { s: i, e: Math.max(i + 1, tokAt(c.tok, sp.end)) });
      st.speaker = r ? { ...r, ...(sp.via ? { via: sp.via } : {}) } : null;
    }
    c.out.push(st);
  }
  // speakers copied from a pronoun before it was resolved ("adding", inherited quotes)
  for (const st of c.out) if (st.speaker && !st.speaker.name) st.speaker = null;
  // "“...,” the source added" read before the reported "a security source said" it points back to (quotations
  // are read first): the bare head now takes the fuller phrase told before it
  for (const st of c.out) {
    const sp = st.speaker;
    if (!sp || (sp.actorId && !sp.actorId.startsWith('generic:')) || sp.start === undefined || sp.end === undefined) continue;
    // the phrase is a pointing determiner and the head alone ("the source", "cette source")
    let k = tokAt(c.tok, sp.start);
    const e = tokAt(c.tok, sp.end);
    if (k < e - 1 && c.lex.w.pointingDeterminers.has(c.tok[k].lower)) k++;
    else if (!(k > 0 && c.lex.w.pointingDeterminers.has(c.tok[k - 1].lower))) continue;
    // (a person's or a source's noun: "the complaint", "the civil claim" name documents)
    const head = c.tok[k].lower;
    if (e - k !== 1 || c.lex.statementNouns.has(head) || !(c.lex.w.sourceHeads.has(head) || c.alex.roleNouns.has(head))) continue;
    const named = namedWithHead(c, head, sp.start);
    if (named) st.speaker = { ...named, start: sp.start, end: sp.end };
  }
}

/** A quotation inside a reported clause ("the message will have “a positive aspect”") is covered by it. */
