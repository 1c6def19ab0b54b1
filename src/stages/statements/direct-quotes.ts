// Constructions quote.after ("“…,” SPEAKER said"), quote.before ("SPEAKER said: “…”") and quote.inherit (a quote with no cue of its own).
import { type Ctx, type NP, type Quote, capital, indefiniteAt, invertedAt, isPronoun, isWord, quotedOrganisation, tokAt, verbAt } from './context.js';
import type { Speaker } from '../../core/types.js';
import type { VerbInfo } from './lexicon.js';
import { add, nounUse, passive } from './build.js';
import { npBefore } from './noun-phrase.js';
import { npAfter } from './np-after.js';
import { skipAdverbials, toldOutlet } from './adverbials.js';
import { hearerEnd, mainClauseSpeaker, prevSpeaker, sentenceSubject, skipHearer } from './clause.js';
import { speakerFrom, viaFrom } from './speaker.js';

export function directQuotes(c: Ctx) {
  // The paragraph (line) of an offset, by binary search over the line breaks: a lastIndexOf('\n')
  // per quote scanned back over the whole text each time (quadratic on many quotes in one line).
  const breaks: number[] = [];
  for (let i = c.text.indexOf('\n'); i >= 0; i = c.text.indexOf('\n', i + 1)) breaks.push(i);
  const para = (off: number) => {
    let lo = 0, hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] <= off) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const q of c.quotes) {
    const inner = c.text.slice(q.start + 1, q.closed ? q.end - 1 : q.end);
    const words = inner.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
    if (q.t1 <= q.t0) continue;
    // « Le Monde », “The Guardian”: an outlet's or body's name in quotation marks is a name, no quotation
    if (q.closed && quotedOrganisation(c, q.t0 - 1) >= 0) continue;
    const found = cueAfter(c, q, para, /[.!?]$/.test(inner.trimEnd())) ?? cueBefore(c, q) ?? (words >= c.lex.minQuoteWords || !midSentence(c, q) ? characterised(c, q) : null);
    if (!found && words < c.lex.minQuoteWords) continue; // scare quotes, titles
    if (!found && embedded(c, q)) continue;
    const content = { start: q.start, end: q.end };
    const st = add(c, content, found?.cue ?? { s: Math.max(0, q.t0 - 1), e: Math.max(1, q.t0) }, found?.verb || 'quote', true, found?.speaker ?? null, found?.rule || 'quote.inherit');
    if (!found) st.cue = { start: q.start, end: q.start, text: '' };
  }
}

/** The cue of a quotation: its speaker, the verb's tokens, its lemma and the rule. */
interface QuoteCue {
  speaker: Speaker | null;
  cue: { s: number; e: number };
  verb: string;
  rule: string;
}

/** "“…,” SPEAKER said": a reporting verb after the closing mark, in the same paragraph and sentence. */
function cueAfter(c: Ctx, q: Quote, para: (off: number) => number, endsSentence: boolean): QuoteCue | null {
  const tok = c.tok;
  const k = tokAt(tok, q.end);
  const limitAfter = Math.min(tok.length, k + 24); // room for a long apposition before the verb
  let nextQuote = -1;
  for (let j = k; j < limitAfter; j++) {
    if (c.quoted[j] >= 0) {
      nextQuote = j;
      break;
    }
  }
  const stopAt = nextQuote >= 0 ? nextQuote : limitAfter;
  if (!q.closed || k >= tok.length || para(tok[k].start) !== para(q.start)) return null;
  // the cue must follow in the same sentence: end at . ! ? ;
  let j = k;
  let found = -1;
  let vinfo: { end: number; v: VerbInfo } | null = null;
  // the closing mark's sentence: after a quotation ending in a full stop ('… act." He said …', '… act". He
  // said …'), a verb in a sentence of its own is that sentence's cue
  const closeSentence = tok[Math.max(0, k - 1)].sentence;
  const endsWithStop = /\.\s*$/.test(c.text.slice(q.start, q.end - 1)) || tok[k]?.text === '.';
  for (; j < stopAt; j++) {
    const t = tok[j];
    // (not after a question or an exclamation: '“Are there prizes?” Lincicome asked' is written so)
    if (t.sentence !== closeSentence && j > k && endsWithStop) break;
    // a sentence end, not a period inside a word ("e.GO's founder")
    if (t.kind === 'punct' && /^[.!?;]$/.test(t.text) && j > k && !(t.text === '.' && /\w/.test(c.text[t.end] ?? ''))) break;
    if (endsSentence && j === k && capital(t) && !verbAt(c, j) && !isPronoun(c, j) && !c.actorByStartTok.has(j)) break;
    const m = verbAt(c, j);
    if (m && !c.usedVerb[j] && !passive(c, j)) { found = j; vinfo = m; break; }
  }
  if (found >= 0 && vinfo) {
    const between = npBefore(c, found, k);
    let np: NP | null = null;
    // only punctuation or adverbs between the closing mark and the speaker
    const onlyGap = (a: number, b: number) => tok.slice(a, b).every((t) => !isWord(t) || c.lex.gap.has(t.lower));
    // after "X said" nothing is reported (else the verb has its own content)
    // "that" opening a clause ("that 213 civilians", "that the army"), not a relative ("an interview that aired")
    const clauseThat = (x: number) => {
      const n = tok[x + 1];
      return c.lex.that.has(tok[x].lower) && !!n && (capital(n) || n.kind === 'number' || c.lex.determiners.has(n.lower) || isPronoun(c, x + 1));
    };
    const restEmpty = (from: number) => {
      const r = skipAdverbials(c, from, Math.min(tok.length, from + 12));
      const t = tok[r];
      if (!t) return true;
      if (c.lex.that.has(t.lower)) return !clauseThat(r);
      // "said earlier in the day that ...": a longer adverbial before "that" (as verbSite reads it)
      if (!c.lex.w.adverbialPreps.has(t.lower)) return true;
      for (let x = r + 1; x < Math.min(tok.length, r + 8); x++) {
        if (!isWord(tok[x]) || c.quoted[x] >= 0 || verbAt(c, x)) return true;
        if (c.lex.that.has(tok[x].lower)) return !clauseThat(x);
      }
      return true;
    };
    // "former harbour pilot Ines Varga replied": a description before the name
    const described = (a: number, b: number) => {
      if (b - a > 8) return false;
      const np0 = between ? c.actors.find((x) => x.kind === 'person' && x.start >= tok[b].start && x.end <= tok[found - 1].end) : null;
      if (!np0) return false;
      for (let x = a; x < b; x++) {
        const t = tok[x];
        if (!isWord(t) ? !(t.text === '-' || c.lex.w.possessiveMarkers.has(t.text)) : c.lex.stops.has(t.lower) || !!verbAt(c, x)) return false;
      }
      return true;
    };
    if (between && between.s >= k && (onlyGap(k, between.s) || described(k, between.s)) && restEmpty(vinfo.v.object ? skipHearer(c, vinfo.end, Math.min(tok.length, vinfo.end + 8)) : vinfo.end)) np = between;
    else if (found === k || (found > k && onlyGap(k, found))) {
      np = npAfter(c, skipAdverbials(c, vinfo.end, Math.min(tok.length, vinfo.end + 14)), Math.min(tok.length, vinfo.end + 14));
      // '"..." Reports also said': a noun read as the verb leaves another verb where the speaker would be
      if (np && verbAt(c, np.s)) np = null;
    }
    // "», a-t-il déclaré", "», dit-elle": the speaker is the pronoun joined to the verb
    if (!np) {
      const inv = invertedAt(c, found, vinfo.end);
      if (inv >= 0 && (found === k || onlyGap(k, found))) np = { s: inv, e: inv + 1 };
    }
    // 'condemned "a barbaric attack" and promised ...': a verb joined after the quote is the clause's own, not its cue
    const joined = !np && found > k && c.lex.w.coordinators.has(tok[k].lower);
    if (np || (found - k <= 1 && !joined)) {
      const speaker = np ? speakerFrom(c, np) : null;
      // '“…,” X told Reuters', '“…,” told Reuters X': the hearer of a verb with an object is the outlet it went through
      // ('», a déclaré à l'AFP le colonel X', '», a indiqué le colonel X à l'AFP')
      if (speaker && np) {
        const inverted = np.s >= vinfo.end;
        const he = vinfo.v.object ? hearerEnd(c, vinfo.end, inverted ? np.s : Math.min(tok.length, vinfo.end + 8)) : vinfo.end;
        const told = he > vinfo.end ? { s: vinfo.end, e: he } : toldOutlet(c, vinfo.end, inverted ? np.s : Math.min(tok.length, vinfo.end + 6)) ?? (inverted ? toldOutlet(c, np.e, Math.min(tok.length, np.e + 4)) : null);
        if (told) speaker.via = viaFrom(c, told);
      }
      for (let x = found; x < vinfo.end; x++) c.usedVerb[x] = 1;
      return { speaker, cue: { s: found, e: vinfo.end }, verb: vinfo.v.lemma, rule: 'quote.after' };
    }
  }
  return null;
}

/** "SPEAKER said: “…”": a reporting verb before the opening mark, in the same sentence (or a paragraph ending with ':'). */
function cueBefore(c: Ctx, q: Quote): QuoteCue | null {
  const tok = c.tok;
  const t0 = q.t0 - 1; // the opening mark token
  const sStart = c.sentStart[tok[Math.max(0, t0)].sentence];
  let from = Math.max(sStart, t0 - 14);
  // previous paragraph ending with ':' → look there too
  let j = t0 - 1;
  if (j >= 0 && tok[j].text === ':' && tok[j].sentence !== tok[t0].sentence) from = Math.max(c.sentStart[tok[j].sentence], j - 14);
  for (; j >= from; j--) {
    if (c.quoted[j] >= 0) break;
    const m = verbAt(c, j);
    if (m && !c.usedVerb[j] && !passive(c, j) && !nounUse(c, j, m.end)) {
      // between the verb and the quote: only adverbials, a hearer, ':' or ','
      const after = m.v.object ? skipHearer(c, m.end, t0) : m.end;
      const k2 = skipAdverbials(c, after, t0);
      let gapOk = true;
      for (let x = k2; x < t0; x++) if (isWord(tok[x]) && !c.lex.that.has(tok[x].lower)) gapOk = false;
      // "replied after a long pause, “...”": a short phrase, then ',' or ':' before the mark
      if (!gapOk && t0 - k2 <= 9 && /^[,:]$/.test(tok[t0 - 1]?.text ?? '') && c.lex.w.introPreps.has(tok[k2].lower)) gapOk = true;
      if (!gapOk) break;
      // (", affirmant que « ... »", ", adding: “...”": a participle after a comma is the main clause's subject's)
      const afterComma = m.v.participle && j - 1 >= sStart && tok[j - 1].text === ',';
      const np = afterComma ? null : (npBefore(c, j, sStart) ?? (m.v.participle ? null : npAfter(c, m.end, t0)));
      // ("A militia called “the Lions of the Valley” took the hill": a name given mid-sentence to something
      // introduced, no speech; not "what the agency called “a brutal crime” on Monday")
      if (m.end === t0 && np && indefiniteAt(c, np.s) && c.lex.w.namingVerbs.has(tok[j].lower) && midSentence(c, q)) return null;
      let speaker = np ? speakerFrom(c, np) : null;
      if (afterComma) speaker = mainClauseSpeaker(c, sStart, j - 1) ?? sentenceSubject(c, sStart, j - 1);
      if (!np && !speaker && m.v.participle) speaker = prevSpeaker(c, tok[j].start);
      // '..., and added: “...”': a verb joined to the one before shares its speaker
      if (!np && !speaker && j - 1 >= sStart && c.lex.w.coordinators.has(tok[j - 1].lower)) speaker = joinedSpeaker(c, j, sStart);
      if (m.v.object) {
        const h = npAfter(c, m.end, t0);
        if (speaker && h) speaker.via = viaFrom(c, h);
      }
      for (let x = j; x < m.end; x++) c.usedVerb[x] = 1;
      return { speaker, cue: { s: j, e: m.end }, verb: m.v.lemma, rule: 'quote.before' };
    }
  }
  return null;
}

/**
 * "Governor X described the shooting as “horrific”", "The mayor called the attack “an act of evil”", "Le maire a
 * qualifié l'attaque de « lâche »": a verb of judgement, its object (eight words at most, no punctuation but an
 * elision or a possessive) and a link word before the quotation: the verb's subject said it.
 */
function characterised(c: Ctx, q: Quote): QuoteCue | null {
  const tok = c.tok;
  const w = c.lex.w;
  const t0 = q.t0 - 1;
  if (t0 < 2) return null;
  const sStart = c.sentStart[tok[t0].sentence];
  let k = t0 - 1;
  if (w.characterisingLinks.has(tok[k].lower)) k--;
  for (let j = k; j >= sStart && j >= k - 8; j--) {
    if (c.quoted[j] >= 0) return null;
    if (w.characterisingVerbs.has(tok[j].lower)) {
      if (j === k) return null;
      const np = npBefore(c, j, sStart);
      const speaker = np ? speakerFrom(c, np) : null;
      return speaker ? { speaker, cue: { s: j, e: j + 1 }, verb: tok[j].lower, rule: 'quote.characterised' } : null;
    }
    if (!isWord(tok[j]) && !c.lex.w.possessiveMarkers.has(tok[j].text)) return null;
  }
  return null;
}

/** A closed quotation with more of its sentence after it ("calls the fighters “terrorists” in its broadcasts"). */
function midSentence(c: Ctx, q: Quote): boolean {
  const t0 = Math.max(0, q.t0 - 1);
  return q.closed && tokAt(c.tok, q.end) < c.sentEnd[c.tok[t0].sentence] - 1;
}

/** The speaker of a reporting verb at token j joined by "and" to one before it in the sentence: that verb's subject. */
function joinedSpeaker(c: Ctx, j: number, sStart: number): Speaker | null {
  for (let k = j - 2; k >= sStart; k--) {
    if (c.quoted[k] >= 0) continue;
    const m = verbAt(c, k);
    if (!m || m.v.participle || passive(c, k)) continue;
    const np = npBefore(c, k, sStart);
    return np ? speakerFrom(c, np) : null;
  }
  return null;
}

/** A quotation with no cue inside a reported clause, mid-sentence with text around it: covered by that clause. */
function embedded(c: Ctx, q: Quote): boolean {
  const tok = c.tok;
  const t0 = q.t0 - 1;
  const sStart = c.sentStart[tok[Math.max(0, t0)].sentence];
  if (t0 - sStart <= 3 || !q.closed) return false;
  const sent = tok[Math.min(q.t1 - 1, tok.length - 1)].sentence;
  // text after the quote in the sentence too → an embedded quotation
  return tokAt(tok, q.end) < c.sentEnd[sent] - 1;
}
