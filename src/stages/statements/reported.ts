// Constructions said.after ("SPEAKER said (that) CONTENT"), said.before ("CONTENT, SPEAKER said"), said.adding, according-to and citing.
import { type Ctx, type NP, capital, finiteLooking, isPronoun, isWord, tokAt, verbAt } from './context.js';
import type { Span, Speaker } from '../../core/types.js';
import { add, lateQuoteCue, nounUse, passive, trimSpan } from './build.js';
import { npAfter, npBefore, skipAdverbials } from './noun-phrase.js';
import { speakerFrom, viaFrom } from './speaker.js';

/** The first word of a phrase. */
const firstWord = (s: string) => s.split(' ', 1)[0];

export function skipHearer(c: Ctx, k: number, limit: number): number {
  const tok = c.tok;
  if (k >= limit) return k;
  const a = c.actorByStartTok.get(k);
  // "told SANA" — but "told Syria's state-run news agency SANA": the possessive goes on
  if (a) {
    let ae = tokAt(tok, a.end);
    // "told the state news agency SANA": a name in apposition goes with the hearer
    const b = c.actorByStartTok.get(ae);
    if (b && ae < limit) ae = tokAt(tok, b.end);
    if (!(ae < limit && c.lex.w.possessiveMarkers.has(tok[ae].text))) return ae;
  }
  if (c.lex.w.hearers.has(tok[k].lower)) return k + 1;
  // "the BBC", "a news conference", "Surrey's councillors": up to 4 words before "that"
  for (let j = k; j < Math.min(limit, k + 9); j++) {
    if (c.lex.that.has(tok[j].lower)) return j;
    if (!isWord(tok[j]) && !c.lex.w.possessiveMarkers.has(tok[j].text) || verbAt(c, j) || c.quoted[j] >= 0) break;
  }
  if (c.lex.w.hearerLead.has(tok[k].lower)) {
    let j = k + 1;
    while (j < Math.min(limit, k + 4) && isWord(tok[j]) && !c.lex.stops.has(tok[j].lower) && !verbAt(c, j)) {
      j++;
      if (c.lex.w.hearerHeads.has(tok[j - 1].lower)) return j;
    }
  }
  return k;
}

export function prevSpeaker(c: Ctx, before: number): Speaker | null {
  // the nearest statement before, by position: quotes and reported speech are pushed in two passes,
  // so the last one pushed is not always the nearest
  let best: (typeof c.out)[number] | null = null;
  for (const s of c.out) if (s.start < before && s.speaker && (!best || s.start > best.start)) best = s;
  return best ? { ...best.speaker! } : null;
}

/**
 * "... wounded more than 40 people said the Observatory": a count right after a word of the clause
 * before is that clause's object, not the speaker, when the verb is followed by a speaker.
 */
function countObject(c: Ctx, subj: NP, lastEnd: number): boolean {
  const tok = c.tok;
  const num = (j: number) => j > lastEnd && /^\d/.test(tok[j].text);
  // the number opens the phrase, comes just before it, or sits inside a phrase read across a
  // participle ("the shelling wounded 40 people")
  let first = num(subj.s - 1) ? subj.s - 1 : -1;
  for (let j = subj.e - 1; j >= subj.s && first < 0; j--) if (num(j)) first = j;
  if (first <= lastEnd || !isWord(tok[first - 1]) || /^(1[89]|20)\d\d$/.test(tok[first].text)) return false;
  // what follows the number is the counted noun in lower case ("40 people", "12 wounded men"), not a
  // name after a date ("27 October 2016 State media")
  for (let j = first + 1; j < subj.e; j++) if (!isWord(tok[j]) || capital(tok[j])) return false;
  return subj.e - first <= 4;
}

/** A named actor, a role ("the monitor") or a generic source noun: who an inverted cue can name. */
function speakerLike(c: Ctx, np: NP | null): boolean {
  if (!np) return false;
  const last = c.tok[np.e - 1].lower;
  return actorHead(c, np) !== np || c.alex.roleNouns.has(last) || c.alex.generic.has(last);
}

/** The phrase cut after a named actor that opens it (after a determiner): its apposition left out. */
function actorHead(c: Ctx, np: NP): NP {
  for (const j of [np.s, np.s + 1]) {
    const a = j < np.e ? c.actorByStartTok.get(j) : undefined;
    if (a) return { s: np.s, e: Math.min(np.e, tokAt(c.tok, a.end)) };
  }
  return np;
}

/**
 * "said the Observatory a monitoring group based in Britain": a short tail (an apposition without
 * its comma) after an inverted speaker, with no quote and no other reporting verb.
 */
function appositionTail(c: Ctx, k: number, E: number): boolean {
  if (E - k > 8) return false;
  for (let j = k; j < E; j++) if (c.quoted[j] >= 0 || verbAt(c, j)) return false;
  return true;
}

// reported speech
export function reported(c: Ctx) {
  const tok = c.tok;
  for (let si = 0; si < c.sentStart.length; si++) {
    const S = c.sentStart[si];
    const E = c.sentEnd[si];
    if (S < E && c.lex.furniture.test(c.text.slice(tok[S].start, Math.min(c.text.length, tok[S].start + 12)))) continue;
    let lastEnd = S; // content before a late cue starts after the previous statement's cue
    const firstOfSentence = c.out.length; // statements made from this sentence are pushed after this index
    for (let i = S; i < E; i++) {
      if (c.quoted[i] >= 0 || c.usedVerb[i]) continue;
      // inside a statement's content already (nested speech): skip
      let nested = false;
      for (let q = firstOfSentence; q < c.out.length && !nested; q++) {
        const st = c.out[q];
        if (!st.direct && tok[i].start >= st.start && tok[i].end <= st.end && st.start >= tok[S].start) nested = true;
      }
      if (nested) continue;
      // ---- according to / citing
      const cueM = c.lex.sourceCues.longestAtKeys(c.keys, i);
      if (cueM) {
        const np = npAfter(c, cueM.end, E);
        if (np) {
          const sp = speakerFrom(c, np);
          const isCiting = c.lex.w.citingCues.has(firstWord(cueM.value));
          const prev = c.out[c.out.length - 1];
          if (isCiting && prev && !prev.direct && prev.cue.end <= tok[i].start && tok[i].start - prev.cue.end < 30 && sp) {
            // "SANA reported citing a police spokesman": the spokesman is the speaker, SANA the one told
            const via = prev.speaker ? { name: prev.speaker.name, ...(prev.speaker.actorId ? { actorId: prev.speaker.actorId } : {}) } : null;
            prev.speaker = { ...sp, via };
            prev.evidence.push({ rule: 'statements.citing', span: { start: tok[i].start, end: tok[np.e - 1].end } });
            i = np.e - 1;
            continue;
          }
          let content: Span | null = null;
          const onlyLead = tok.slice(S, i).every((t) => !isWord(t) || c.lex.w.clauseLead.has(t.lower));
          // "..., according to ministry figures, 45 per cent ...": a comma after the source opens the clause
          const commaAfter = np.e < E && tok[np.e].text === ',' && trimSpan(c, np.e + 1, E) !== null && !isCiting;
          if (onlyLead || commaAfter) content = trimSpan(c, skipLeadComma(c, np.e, E), E);
          else content = trimSpan(c, lastEnd, i);
          if (content) {
            add(c, content, { s: i, e: cueM.end }, isCiting ? 'cite' : 'according to', false, sp, isCiting ? 'citing' : 'according-to');
            lastEnd = np.e;
          }
          i = np.e - 1;
          continue;
        }
      }
      // ---- reporting verbs
      const m = verbAt(c, i);
      if (!m) continue;
      if (passive(c, i) || nounUse(c, i, m.end)) continue;
      const v = m.v;
      // "quipped" cues only a quotation, but "speculated that ..." reports speech
      if (v.quoteOnly && !(m.end < E && c.lex.that.has(tok[m.end].lower))) continue;
      // content after the verb
      let k = m.end;
      let via: NP | null = null;
      if (v.object) {
        const h = skipHearer(c, k, E);
        if (h > k) via = { s: k, e: h };
        k = h;
      }
      k = skipAdverbials(c, k, E);
      // "announced on her verified Facebook page on Thursday that ...": a longer adverbial before "that"
      if (k < E && c.lex.w.adverbialPreps.has(tok[k].lower)) {
        for (let j = k + 1; j < Math.min(E, k + 12); j++) {
          const t = tok[j];
          if (c.lex.that.has(t.lower)) {
            k = j;
            break;
          }
          if ((!isWord(t) && !c.lex.w.possessiveMarkers.has(t.text) && t.text !== ',') || c.quoted[j] >= 0 || (verbAt(c, j) && !nounUse(c, j, j + 1))) break;
        }
      }
      let hadThat = false;
      if (k < E && c.lex.that.has(tok[k].lower)) { k++; hadThat = true; }
      else if (k < E && tok[k].text === ':') k++;
      const afterStartsQuote = k < E && c.quoted[k] >= 0;
      const subj = v.participle ? null : npBefore(c, i, lastEnd);
      const countSubj = !!subj && countObject(c, subj, lastEnd) && speakerLike(c, npAfter(c, m.end, E));
      // "SPEAKER said (that) CONTENT"
      // the clause ends before a participle cue (", adding that ...") which starts its own statement
      let cEnd = E;
      for (let j = k + 1; j < E; j++) {
        if (c.quoted[j] >= 0) continue;
        const pv = verbAt(c, j);
        if (pv && pv.v.participle && (pv.v.strong || c.lex.that.has(tok[pv.end]?.lower ?? ''))) { cEnd = j; break; }
      }
      let afterContent = !afterStartsQuote && k < cEnd ? trimSpan(c, k, cEnd) : null;
      // "counters by killing 17", "claimed responsibility for": not what was said
      if (afterContent && !hadThat && k < E && (c.lex.w.notContentStart.has(tok[k].lower) || c.lex.nonSpeechObjects.has(tok[k].lower))) afterContent = null;
      // "casualties reported in Idlib": a participle before a place
      if (!hadThat && c.lex.w.placeParticipleVerbs.has(v.lemma) && k < E && c.lex.w.placePreps.has(tok[k].lower)) continue;
      const tailIsNP = (() => {
        // what follows is just the speaker (inverted order) or a cue: not content
        if (k >= E) return true;
        const cue2 = c.lex.sourceCues.longestAtKeys(c.keys, k);
        if (cue2) return true;
        return false;
      })();
      // ", she said, especially ...": a parenthetical cue closes the clause before it
      const parenthetical = !!subj && subj.s > S && tok[subj.s - 1].text === ',' && m.end < E && tok[m.end].text === ',';
      if (subj && !countSubj && afterContent && !tailIsNP && !parenthetical && (hadThat || !v.thatOnly || sourceNounBefore(c, subj.s, S))) {
        const sp = v.participle ? prevSpeaker(c, tok[i].start) : speakerFrom(c, subj);
        if (sp && via && v.object) sp.via = viaFrom(c, via);
        add(c, afterContent, { s: i, e: m.end }, v.lemma, false, sp, 'said.after');
        i = m.end - 1;
        lastEnd = m.end;
        continue;
      }
      if (v.participle && afterContent && (hadThat || !v.thatOnly) && !tailIsNP) {
        // ", adding that CONTENT": the speaker of the clause before
        const prev = c.out.length ? c.out[c.out.length - 1] : null;
        let sp = prev && prev.speaker && tok[S].start <= prev.cue.end ? { ...prev.speaker } : null;
        if (!sp) {
          // the subject of the nearest reporting verb before it in the sentence
          for (let j = i - 1; j >= S && !sp; j--) {
            const mv = verbAt(c, j);
            if (mv && !mv.v.participle) {
              const np0 = npBefore(c, j, S);
              if (np0) sp = speakerFrom(c, np0);
            }
          }
        }
        // "Roy Graf protested the bills, saying ...": the subject opening the sentence
        if (!sp) sp = sentenceSubject(c, S, i);
        if (!sp) sp = prevSpeaker(c, tok[i].start);
        if (v.strong || hadThat) {
          add(c, afterContent, { s: i, e: m.end }, v.lemma, false, sp, 'said.adding');
          i = m.end - 1;
          lastEnd = m.end;
          continue;
        }
      }
      if (!v.strong || v.participle) continue;
      // "CONTENT(,) SPEAKER said" / "CONTENT said SPEAKER"
      if (subj && subj.s > lastEnd && !countSubj) {
        const content = trimSpan(c, lastEnd, subj.s);
        // the clause before must not end on a subordinator ("higher than city reports say")
        let lc = subj.s - 1;
        while (lc > lastEnd && !isWord(tok[lc])) lc--;
        const openEnd = c.lex.stops.has(tok[lc].lower) && !c.lex.w.closedEnds.has(tok[lc].lower);
        // "CONTENT, she said, especially ...": the cue closes the clause before a comma
        const commaTail = m.end < E && /^[,;—–]$/.test(tok[m.end].text);
        if (content && !openEnd && (k >= E || tailIsNP || isTrailing(c, k, E) || (commaTail && tok[subj.s - 1]?.text === ','))) {
          const sp = speakerFrom(c, subj);
          // "... an army source told SANA": the hearer is the second source
          if (sp && v.object && via && !sp.via) sp.via = viaFrom(c, via);
          if (!lateQuoteCue(c, content, { s: i, e: m.end }, v.lemma, sp)) add(c, content, { s: i, e: m.end }, v.lemma, false, sp, 'said.before');
          i = m.end - 1;
          lastEnd = m.end;
          continue;
        }
      }
      // "CONTENT, a security guard present at the scene told Reuters": a verb with a hearer is not
      // inverted; its speaker is the description between the last comma and the verb
      if (!subj && i > lastEnd && v.object) {
        const d = describedBefore(c, i, lastEnd);
        const content = d ? trimSpan(c, lastEnd, d.s - 1) : null;
        if (d && content) {
          const sp = speakerFrom(c, d);
          const h = skipHearer(c, m.end, E);
          if (sp && h > m.end) sp.via = viaFrom(c, { s: m.end, e: h });
          if (!lateQuoteCue(c, content, { s: i, e: m.end }, v.lemma, sp)) add(c, content, { s: i, e: m.end }, v.lemma, false, sp, 'said.before');
          i = m.end - 1;
          lastEnd = m.end;
          continue;
        }
      }
      if ((!subj || countSubj) && i > lastEnd && !v.object && c.lex.inverted.has(v.lemma)) {
        const np = npAfter(c, m.end, E);
        const content = trimSpan(c, lastEnd, i);
        let lc = i - 1;
        while (lc > lastEnd && !isWord(tok[lc])) lc--;
        const openEnd = c.lex.stops.has(tok[lc].lower) && !c.lex.w.closedEnds.has(tok[lc].lower);
        const npOk = np && (isPronoun(c, np.s) || capital(tok[np.s]) || c.lex.determiners.has(tok[np.s].lower) || c.alex.roleNouns.has(tok[np.e - 1].lower) || c.alex.generic.has(tok[np.e - 1].lower)) && (isTrailing(c, skipAdverbials(c, np.e, E), cutAtParticiple(c, np.e, E)) || (countSubj && appositionTail(c, np.e, E)));
        if (np && content && npOk && !openEnd) {
          const sp = speakerFrom(c, countSubj ? actorHead(c, np) : np);
          if (!lateQuoteCue(c, content, { s: i, e: m.end }, v.lemma, sp)) add(c, content, { s: i, e: m.end }, v.lemma, false, sp, 'said.inverted');
          i = np.e - 1;
          lastEnd = np.e;
          continue;
        }
      }
    }
  }
}

/** "..., a private security guard present at the scene told": a determiner-led phrase after the last comma, up to 10 words. */
function describedBefore(c: Ctx, v: number, min: number): NP | null {
  const tok = c.tok;
  for (let j = v - 1; j > min && v - j <= 11; j--) {
    const t = tok[j];
    if (t.text === ',') {
      const s = j + 1;
      if (s >= v || !c.lex.determiners.has(tok[s].lower) || c.lex.w.notDeterminers.has(tok[s].lower)) return null;
      return { s, e: v };
    }
    if (!isWord(t) || c.quoted[j] >= 0 || (verbAt(c, j) && !nounUse(c, j, j + 1))) return null;
  }
  return null;
}

/** The person, organisation or pronoun opening the sentence (after a connective), as a speaker; null if none. */
function sentenceSubject(c: Ctx, S: number, before: number): Speaker | null {
  let k = S;
  while (k < before && (c.lex.sentenceLead.has(c.tok[k].lower) || c.tok[k].text === ',')) k++;
  if (k >= before) return null;
  if (isPronoun(c, k) && c.lex.w.subjectPronouns.has(c.tok[k].lower)) return speakerFrom(c, { s: k, e: k + 1 });
  const a = c.actorByStartTok.get(k);
  if (!a) {
    // an unknown name of two to four capitalised words ("Henrik Dahl protested ...")
    let p = k;
    while (p < before && p - k < 5 && isWord(c.tok[p]) && capital(c.tok[p])) p++;
    if (p - k < 2 || p - k > 4 || c.alex.notNames.has(c.keys[k]) || !verbLike(c, p)) return null;
    return speakerFrom(c, { s: k, e: p, name: { s: k, e: p } });
  }
  if (a.generic || (a.kind !== 'person' && a.kind !== 'organization' && a.kind !== 'group')) return null;
  const e = tokAt(c.tok, a.end);
  // the actor must be the subject: a verb follows it (not "X's", not "X and Y")
  if (e >= before || !verbLike(c, e)) return null;
  return speakerFrom(c, { s: k, e: Math.max(k + 1, e) });
}

/** A word that can follow a subject: an auxiliary or a verb form. */
function verbLike(c: Ctx, i: number): boolean {
  const t = c.tok[i];
  if (!t || !isWord(t)) return false;
  return c.lex.subjectVerbs.has(t.lower) || !!verbAt(c, i) || (finiteLooking(c, t.text) && !c.lex.stops.has(t.lower));
}

/** "Estimates by organisers indicate 9,000 marched": the subject is what a report, estimate or figures came from. */
function sourceNounBefore(c: Ctx, s: number, S: number): boolean {
  return s - 2 >= S && c.lex.sourcePreps.has(c.tok[s - 1].lower) && c.lex.sourceNouns.has(c.tok[s - 2].lower);
}

/** The token where a participle cue (", adding ...") begins, or E. */
export function cutAtParticiple(c: Ctx, k: number, E: number): number {
  for (let j = k; j < E; j++) {
    const t = c.tok[j];
    if (t.text === ',') return j;
    const pv = verbAt(c, j);
    if (pv && pv.v.participle) return j;
    if (c.quoted[j] >= 0) return j;
  }
  return E;
}

/** Tokens after a late cue that are not content: "on Tuesday", "in a statement", ", adding ..." handled elsewhere. */
export function isTrailing(c: Ctx, k: number, E: number): boolean {
  const tok = c.tok;
  for (let j = k; j < E; j++) if (isWord(tok[j])) return false;
  return true;
}

export function skipLeadComma(c: Ctx, k: number, E: number): number {
  while (k < E && (c.tok[k].text === ',' || c.tok[k].text === ':')) k++;
  return k;
}
