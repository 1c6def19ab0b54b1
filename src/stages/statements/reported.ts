// Constructions said.after ("SPEAKER said (that) CONTENT"), said.before ("CONTENT, SPEAKER said"), said.adding and
// said.joined (according-to and citing: source-cue.ts; quoted-as: quoted-as.ts).
import { type Ctx, type NP, type Reading, capital, indefiniteAt, invertedAt, isPronoun, isWord, verbAt } from './context.js';
import type { Span, Speaker } from '../../core/types.js';
import { add, lateQuoteCue, nounUse, passive, trimSpan } from './build.js';
import { npBefore } from './noun-phrase.js';
import { npAfter } from './np-after.js';
import { headlineSource } from './headline-source.js';
import { quotedAs } from './quoted-as.js';
import { sourceCue } from './source-cue.js';
import { skipAdverbials, toldOutlet } from './adverbials.js';
import { speakerFrom, viaFrom } from './speaker.js';
import type { VerbInfo } from './lexicon.js';
import { actorHead, appositionTail, countObject, cutAtParticiple, describedBefore, isTrailing, mainClauseSpeaker, prevSpeaker, reportingVerbWithin, sentenceSubject, hearerEnd, skipHearer, sourceNounBefore, speakerLike } from './clause.js';

/** A wire dateline in capitals opening the sentence ("KINSHASA, May 6 (Reuters) -", "BEIRUT —", "PARIS:") is no part
 * of what is reported after it. */
const DATELINE = /^\p{Lu}[\p{Lu}\p{M}.'’ -]{2,30}(?:,[^\n—–:]{1,40}?)?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*(?:—|–|--?|:)[ \t]/u;

/** The first token after a dateline opening the sentence at S (S when there is none). */
function datelineEnd(c: Ctx, S: number, E: number): number {
  const m = DATELINE.exec(c.text.slice(c.tok[S].start, c.tok[S].start + 100));
  if (!m) return S;
  const end = c.tok[S].start + m[0].length;
  let k = S;
  while (k < E && c.tok[k].start < end) k++;
  return k < E ? k : S;
}

export function reported(c: Ctx) {
  const tok = c.tok;
  for (let si = 0; si < c.sentStart.length; si++) {
    const S = c.sentStart[si];
    const E = c.sentEnd[si];
    if (S < E && c.lex.furniture.test(c.text.slice(tok[S].start, Math.min(c.text.length, tok[S].start + 12)))) continue;
    const r: Reading = { S, E, lastEnd: datelineEnd(c, S, E), firstOfSentence: c.out.length };
    if (si === 0 && headlineSource(c, S, E)) continue;
    for (let i = S; i < E; i++) {
      if (c.quoted[i] >= 0 || c.usedVerb[i] || nested(c, r, i)) continue;
      i = sourceCue(c, r, i) ?? quotedAs(c, r, i) ?? reportingVerb(c, r, i);
    }
  }
}

/** Inside a statement's content already (nested speech). */
function nested(c: Ctx, r: Reading, i: number): boolean {
  const tok = c.tok;
  for (let q = r.firstOfSentence; q < c.out.length; q++) {
    const st = c.out[q];
    if (!st.direct && tok[i].start >= st.start && tok[i].end <= st.end && st.start >= tok[r.S].start) return true;
  }
  return false;
}

/** Is there a source cue ("according to") between token k and the sentence's end, outside quotations? */
function sourceCueWithin(c: Ctx, k: number, E: number): boolean {
  for (let j = k; j < E; j++) if (c.quoted[j] < 0 && c.lex.sourceCues.longestAtKeys(c.keys, j)) return true;
  return false;
}

/** Does a clause open at token k with a subject of its own (not a pronoun) before a reporting verb, within eight
 * tokens and before any comma ("organisers put the figure at", "SANA reported")? */
function subjectOpens(c: Ctx, k: number, E: number): boolean {
  for (let j = k + 1; j < Math.min(E, k + 8); j++) {
    if (c.tok[j].text === ',' || c.quoted[j] >= 0) return false;
    if (!verbAt(c, j)) continue;
    const np = npBefore(c, j, k);
    return !!np && np.s === k && !isPronoun(c, k);
  }
  return false;
}

/** A reporting verb at token i and what is known around it. */
interface VerbSite {
  i: number;
  m: { end: number; v: VerbInfo };
  /** where the content after the verb (and its hearer, adverbials, "that") starts */
  k: number;
  via: NP | null;
  hadThat: boolean;
  subj: NP | null;
  /** the subject is a count ("45 people said"), the speaker is after the verb */
  countSubj: boolean;
  afterContent: Span | null;
  /** what follows is just the speaker (inverted order) or a cue: not content */
  tailIsNP: boolean;
}

/** A reporting verb at token i, read in each of its orders: the token to go on from (i when none applied). */
function reportingVerb(c: Ctx, r: Reading, i: number): number {
  // "Warning: this story contains ...": a verb's form opening the sentence before a colon is a label
  if (i === r.S && c.tok[i + 1]?.text === ':') return i;
  const site = verbSite(c, r, i);
  if (!site) return i;
  const { m, subj, countSubj, afterContent, tailIsNP } = site;
  const v = m.v;
  const tok = c.tok;
  const { S, E } = r;
  // "CONTENT, said Russell": a subject reached only over the comma right before the verb is the content's end
  if (subj?.overComma && !countSubj && v.strong && !v.participle) {
    const inv = saidInverted(c, r, { ...site, subj: null });
    if (inv !== null) return inv;
  }
  // the French perfect right after a comma, its speaker after it: "CONTENU, ont rapporté samedi des habitants" (not
  // "le ministre, X, a déclaré que ...": there the content follows)
  const aux = c.lex.w.perfectAux;
  const perfectAfterComma = (aux.has(tok[i].lower) && i - 1 > r.S && tok[i - 1].text === ',') || (i - 2 > r.S && aux.has(tok[i - 1].lower) && tok[i - 2].text === ',');
  if (subj && !countSubj && perfectAfterComma && !site.hadThat && v.strong) {
    const inv = saidInverted(c, r, { ...site, subj: null });
    if (inv !== null) return inv;
  }
  // ", she said, especially ...": a parenthetical cue closes the clause before it
  // (", activists said on Thursday, in one of the deadliest ...": past the verb's adverbials too)
  const parenthetical = !!subj && subj.s > S && tok[subj.s - 1].text === ',' && m.end < E && (tok[m.end].text === ',' || (!site.hadThat && commaAfterAdverbials(c, m.end, E)));
  if (subj && !countSubj && afterContent && !tailIsNP && !parenthetical && (site.hadThat || !v.thatOnly || sourceNounBefore(c, subj.s, S))) {
    // "SPEAKER said (that) CONTENT"
    const sp = v.participle ? prevSpeaker(c, tok[i].start) : speakerFrom(c, subj);
    if (sp && site.via) sp.via = viaFrom(c, site.via);
    return said(c, r, site, afterContent, sp, 'said.after');
  }
  // "The ministry said the roads were closed and confirmed that 12 people died": a verb joined to the one
  // before, with no subject of its own, is that speaker's
  if (!subj && !v.participle && afterContent && (site.hadThat || !v.thatOnly) && !tailIsNP && i - 1 > S && c.lex.w.coordinators.has(tok[i - 1].lower)) {
    const prev = statementEndingAt(c, r, i - 1);
    if (prev?.speaker) return said(c, r, site, afterContent, { ...prev.speaker }, 'said.joined');
    // ("Le groupe a revendiqué l'attaque et affirme avoir tué ...": the subject of a reporting verb earlier in the
    // clause, which reported nothing of its own)
    const first = firstSubjectBefore(c, S, i - 1);
    const sp = first ? speakerFrom(c, first) : null;
    if (sp?.name) return said(c, r, site, afterContent, sp, 'said.joined');
  }
  if (v.participle && afterContent && (site.hadThat || !v.thatOnly) && !tailIsNP) {
    // ", adding that CONTENT": the speaker of the clause before
    const sp = addingSpeaker(c, r, i);
    if (v.strong || site.hadThat) return said(c, r, site, afterContent, sp, 'said.adding');
  }
  if (!v.strong || v.participle) return i;
  return saidBefore(c, r, site) ?? toldBefore(c, r, site) ?? saidInverted(c, r, site) ?? i;
}

/** The subject of the first reporting verb between S and e (no comma, semicolon or quotation between them), or null. */
function firstSubjectBefore(c: Ctx, S: number, e: number): NP | null {
  const tok = c.tok;
  for (let k = S + 1; k < e; k++) {
    if (tok[k].text === ',' || tok[k].text === ';' || c.quoted[k] >= 0) return null;
    if (!verbAt(c, k)) continue;
    const np = npBefore(c, k, S);
    return np && np.s === S + (c.lex.w.clauseLead.has(tok[S].lower) ? 1 : 0) ? np : null;
  }
  return null;
}

/** "A local official, speaking on condition of anonymity, said": the verb's subject ends before the aside (its
 * first comma's index), else at the verb (i). */
function besideAnonymity(c: Ctx, i: number, from: number): number {
  const tok = c.tok;
  if (i - 1 <= from || tok[i - 1].text !== ',') return i;
  for (let s = i - 2; s > from && s >= i - 8; s--) {
    if (tok[s - 1]?.text !== ',') continue;
    if (c.lex.anonymity.longestAtKeys(c.keys, s)?.end === i - 1) return s - 1;
  }
  return i;
}

/** Whether a comma follows the adverbials after token k ("said on Thursday, in ..."). */
function commaAfterAdverbials(c: Ctx, k: number, E: number): boolean {
  const j = skipAdverbials(c, k, E);
  for (let x = k; x < j; x++) if (c.tok[x].text === ',') return x > k;
  return false;
}

/** The verb at token i with its hearer, adverbials, "that", subject and content; null when it is no reporting verb here. */
function verbSite(c: Ctx, r: Reading, i: number): VerbSite | null {
  const tok = c.tok;
  const { E } = r;
  const found = verbAt(c, i);
  if (!found) return null;
  // a participle after the progressive's auxiliary is a finite verb ("Local media are reporting that ...")
  // (past an adverb: "are also reporting")
  const aux = (j: number) => j >= 0 && c.lex.w.progressiveAux.has(tok[j].lower);
  const progressive = found.v.participle && (aux(i - 1) || (i > 1 && c.lex.gap.has(tok[i - 1].lower) && aux(i - 2)));
  const m = progressive ? { end: found.end, v: { ...found.v, participle: false } } : found;
  if ((!progressive && passive(c, i)) || nounUse(c, i, m.end)) return null;
  const v = m.v;
  // "quipped" cues only a quotation, but "speculated that ..." reports speech
  if (v.quoteOnly && !(m.end < E && c.lex.that.has(tok[m.end].lower))) return null;
  // content after the verb
  let k = m.end;
  let via: NP | null = null;
  if (v.object) {
    const h = skipHearer(c, k, E);
    if (h > k) via = { s: k, e: hearerEnd(c, k, E) };
    k = h;
  }
  const k0 = k;
  k = skipAdverbials(c, k, E);
  // "a déclaré à l'AFP que": an organisation told among the adverbials
  if (!via && k > k0) via = toldOutlet(c, k0, k);
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
  // ("says that's not what ...": "that" with a contracted verb is the clause's subject, no complementizer)
  const contracted = k + 1 < E && tok[k + 1].start === tok[k].end && c.lex.w.possessiveMarkers.has(tok[k + 1].text);
  if (k < E && c.lex.that.has(tok[k].lower) && !contracted) {
    k++;
    hadThat = true;
  } else if (k < E && tok[k].text === ':') k++;
  const afterStartsQuote = k < E && c.quoted[k] >= 0;
  let subj = v.participle ? null : npBefore(c, besideAnonymity(c, i, r.lastEnd), r.lastEnd);
  // the phrase right after the verb (a speaker there: "said the Observatory"), read once when first asked
  let afterVerb: NP | null | undefined;
  const npAfterVerb = () => (afterVerb === undefined ? (afterVerb = npAfter(c, m.end, E)) : afterVerb);

  // "... was taken by the gunmen said the monitoring group": a phrase right after a preposition is its
  // object, not the verb's subject (unpunctuated copy; the speaker then follows the verb)
  // (only a place, "in the town of Saraqib said", or the agent of a passive, "taken by the gunmen said": a
  // body after "affiliated to" or "attributed to" may still be the one that spoke)
  if (subj && !subj.overComma && subj.s - 1 > r.lastEnd && npAfterVerb()) {
    const prep = tok[subj.s - 1].lower;
    // ("Estimates by event organizers indicate": a report's author is its subject)
    const report = subj.s - 2 >= r.lastEnd && c.lex.sourceNouns.has(tok[subj.s - 2].lower);
    // (or a phrase that names no speaker, when a speaker follows the verb: "east of the capital said the Observatory")
    const prepBefore = c.lex.w.preps.has(prep) || c.lex.w.placePreps.has(prep) || c.lex.w.ofPreps.has(prep);
    if ((prepBefore && (c.placeEnd[subj.e - 1] || (!speakerLike(c, subj) && speakerLike(c, npAfterVerb())))) || (c.lex.w.agentPreps.has(prep) && !report)) subj = null;
  }
  // "confirmed by the governor, who said 19 people had died": the relative pronoun's antecedent speaks, when the
  // clause runs to the sentence's end ("The rebels, who said they had won, fled" is another construction)
  if (!subj && !v.participle && i - 2 > r.lastEnd && c.lex.w.relativePronouns.has(tok[i - 1].lower) && tok[i - 2].text === ',' && !tok.slice(k, E).some((t) => t.text === ',')) {
    const ante = npBefore(c, i - 2, r.lastEnd);
    if (ante && speakerLike(c, ante)) subj = ante;
  }
  const countSubj = !!subj && countObject(c, subj, r.lastEnd) && speakerLike(c, npAfterVerb());
  // the clause ends before a participle cue (", adding that ...") which starts its own statement
  let cEnd = E;
  for (let j = k + 1; j < E; j++) {
    if (c.quoted[j] >= 0) continue;
    // (", while local sources said ...": another speaker's clause, its own statement)
    // (not a pronoun, the same speaker going on: ", but he stressed that ...")
    // (or ", while 1,602 were killed in Syria, according to the government": a contrast clause with a source of its own)
    if (tok[j].text === ',' && j + 2 < E && c.lex.w.contrastClauses.has(tok[j + 1].lower) && !isPronoun(c, j + 2) && (reportingVerbWithin(c, j + 2, E, true) || sourceCueWithin(c, j + 2, E))) {
      cEnd = j;
      break;
    }
    // (", and added: ...": the same speaker's next statement, its own)
    if (c.lex.w.coordinators.has(tok[j].lower) && j + 1 < E && j > k + 2) {
      const nv = verbAt(c, j + 1);
      if (nv && nv.v.strong && !nv.v.participle && !passive(c, j + 1)) {
        cEnd = tok[j - 1].text === ',' ? j - 1 : j;
        break;
      }
    }
    // ("; organisers put the figure at 100,000": after a semicolon, another subject's reporting verb)
    if (tok[j].text === ';' && j + 2 < E && subjectOpens(c, j + 1, E)) {
      cEnd = j;
      break;
    }
    const pv = verbAt(c, j);
    if (pv && pv.v.participle && (pv.v.strong || c.lex.that.has(tok[pv.end]?.lower ?? '')) && !nonSpeechAt(c, pv.end, E)) {
      cEnd = j;
      break;
    }
  }
  let afterContent = !afterStartsQuote && k < cEnd ? trimSpan(c, k, cEnd) : null;
  // "counters by killing 17", "claimed responsibility for": not what was said
  if (afterContent && !hadThat && k < E && (c.lex.w.notContentStart.has(tok[k].lower) || nonSpeechAt(c, k, E))) afterContent = null;
  // "casualties reported in Idlib": a participle before a place
  if (!hadThat && c.lex.w.placeParticipleVerbs.has(v.lemma) && k < E && c.lex.w.placePreps.has(tok[k].lower)) return null;
  // "the index added 0.4 per cent", "added yet another goal": a figure added, nothing said
  // (a count of people is what was said: "He added 12 people were missing")
  if (!hadThat && c.lex.w.quantityVerbs.has(v.lemma) && k === m.end && k < E && ((tok[k].kind === 'number' && !c.countStart[k]) || c.lex.w.quantityStarts.has(tok[k].lower))) return null;
  const tailIsNP = k >= E || !!c.lex.sourceCues.longestAtKeys(c.keys, k);
  return { i, m, k, via, hadThat, subj, countSubj, afterContent, tailIsNP };
}

/** "claimed responsibility", "claiming the lives of 40" (past a determiner too): the verb's object at token k
 * makes it no speech. */
function nonSpeechAt(c: Ctx, k: number, E: number): boolean {
  if (k >= E) return false;
  const tok = c.tok;
  // (and a sum or a share right after the verb: "The wheat future added $2.40", "Shares added 3 percent"; not "said
  // the $514 million figure was ...")
  const amount = c.lex.w.amountMarks;
  return c.lex.nonSpeechObjects.has(tok[k].lower) || (k + 1 < E && c.lex.determiners.has(tok[k].lower) && c.lex.nonSpeechObjects.has(tok[k + 1].lower)) || amount.has(tok[k].text) || (k + 1 < E && tok[k].kind === 'number' && amount.has(tok[k + 1].lower));
}

/** A statement of this sentence whose content ends right before token k (a comma aside). */
function statementEndingAt(c: Ctx, r: Reading, k: number): (typeof c.out)[number] | null {
  const tok = c.tok;
  const at = k > r.S && tok[k - 1].text === ',' ? tok[k - 1].start : tok[k].start;
  for (let q = c.out.length - 1; q >= r.firstOfSentence; q--) {
    const st = c.out[q];
    if (st.end <= at && at - st.end <= 2 && st.cue.start >= tok[r.S].start) return st;
  }
  return null;
}

/** The speaker of ", adding that ...": the last statement's in this sentence, the subject of the nearest reporting
 * verb before it, the subject opening the sentence ("Roy Graf protested the bills, saying ..."), or the last speaker. */
function addingSpeaker(c: Ctx, r: Reading, i: number): Speaker | null {
  const tok = c.tok;
  const { S } = r;
  // (the statements are not in text order: quotations are read first, so the last one found may come later)
  let prev: (typeof c.out)[number] | null = null;
  for (const st of c.out) if (st.cue.start >= tok[S].start && st.cue.end <= tok[i].start && (!prev || st.cue.start > prev.cue.start)) prev = st;
  let sp = prev && prev.speaker ? { ...prev.speaker } : null;
  if (!sp) sp = mainClauseSpeaker(c, S, i);
  if (!sp) sp = sentenceSubject(c, S, i);
  if (!sp) sp = prevSpeaker(c, tok[i].start);
  return sp;
}

/** Whether the clause before token `end` ends on a subordinator ("higher than city reports say"). */
function openEndBefore(c: Ctx, end: number, lastEnd: number): boolean {
  let lc = end - 1;
  while (lc > lastEnd && !isWord(c.tok[lc])) lc--;
  return c.lex.stops.has(c.tok[lc].lower) && !c.lex.w.closedEnds.has(c.tok[lc].lower);
}

/** The speaker at the end of a phrase that opens with a preposition's object ("in the town | media", "near
 * the border with Turkey | local sources", "in the last 48 hours | military sources"): a head that names a speaker
 * (media, a role, a generic agent) with up to four modifiers before it that qualify speakers ("military", "local",
 * "state": mediaModifiers, speakerModifiers) or name them (capitalised, no place's); null when the head names none or
 * nothing is left over. */
function speakerAfterObject(c: Ctx, np: NP): NP | null {
  const tok = c.tok;
  const h = np.e - 1;
  const head = tok[h].lower;
  if (!(c.lex.w.mediaHeads.has(head) || c.alex.roleNouns.has(head) || c.alex.generic.has(head))) return null;
  let s = h;
  // (a capitalised word that ends no place names the body: "the Aleppo-based Fastaqim opposition group")
  const modifier = (k: number) => c.lex.w.mediaModifiers.has(tok[k].lower) || c.lex.w.speakerModifiers.has(tok[k].lower) || (capital(tok[k]) && c.placeEnd[k] !== 1 && !c.lex.determiners.has(tok[k].lower));
  while (s - 1 > np.s && h - s < 4 && modifier(s - 1)) s--;
  return s > np.s ? { s, e: np.e } : null;
}

/** "CONTENT(,) SPEAKER said" / "CONTENT said SPEAKER". */
function saidBefore(c: Ctx, r: Reading, site: VerbSite): number | null {
  const tok = c.tok;
  const { E, lastEnd } = r;
  const { m, k } = site;
  let subj = site.subj;
  if (!subj || subj.s <= lastEnd || site.countSubj) return null;
  // unpunctuated copy: "... died in the town media reported": after a preposition, the phrase's first noun is the
  // preposition's object; the speaker is the media or role head after it
  if (subj.s - 1 > lastEnd && openEndBefore(c, subj.s, lastEnd) && !c.lex.w.coordinators.has(tok[subj.s - 1].lower)) subj = speakerAfterObject(c, subj) ?? subj;
  const content = trimSpan(c, lastEnd, subj.s);
  const openEnd = openEndBefore(c, subj.s, lastEnd);
  // "CONTENT, she said, especially ...", "CONTENT, activists said on Thursday, in one of ...": the cue closes the
  // clause before a comma
  const commaTail = m.end < E && (/^[,;—–]$/.test(tok[m.end].text) || (!site.hadThat && commaAfterAdverbials(c, m.end, E)));
  if (!content || openEnd || !(k >= E || site.tailIsNP || isTrailing(c, k, E) || (commaTail && tok[subj.s - 1]?.text === ','))) return null;
  const sp = speakerFrom(c, subj);
  // "... an army source told SANA": the hearer is the second source
  if (sp && site.via && !sp.via) sp.via = viaFrom(c, site.via);
  return late(c, r, site, content, sp);
}

/** "CONTENT, a security guard present at the scene told Reuters": a verb with a hearer is not inverted; its
 * speaker is the description between the last comma and the verb. */
function toldBefore(c: Ctx, r: Reading, site: VerbSite): number | null {
  const { i, m, subj } = site;
  if (subj || i <= r.lastEnd || !m.v.object) return null;
  const d = describedBefore(c, i, r.lastEnd);
  const content = d ? trimSpan(c, r.lastEnd, d.s - 1) : null;
  if (!d || !content) return null;
  const sp = speakerFrom(c, d);
  const h = hearerEnd(c, m.end, r.E);
  if (sp && h > m.end) sp.via = viaFrom(c, { s: m.end, e: h });
  return late(c, r, site, content, sp);
}

/** An indefinite article right after a phrase that ends in a named body or a role: unpunctuated copy's apposition
 * after an inverted speaker ("said the Observatory a monitoring group based in Britain"; not "said the dead included
 * an Iraqi family"). */
function describedAt(c: Ctx, np: NP, E: number): boolean {
  const k = np.e;
  if (!(k < E && indefiniteAt(c, k))) return false;
  const a = c.actorByEndTok.get(k - 1);
  return (!!a && !a.generic) || c.alex.roleNouns.has(c.tok[k - 1].lower);
}

/** "CONTENT, said the minister": the speaker after the verb. */
function saidInverted(c: Ctx, r: Reading, site: VerbSite): number | null {
  const tok = c.tok;
  const { E, lastEnd } = r;
  const { i, m, subj, countSubj } = site;
  if ((subj && !countSubj) || i <= lastEnd || m.v.object || !c.lex.inverted.has(m.v.lemma)) return null;
  // "Les shebab, affiliés à Al-Qaïda, ont revendiqué l'attaque": an object of no speech after the verb, no speaker
  if (nonSpeechAt(c, m.end, E)) return null;
  // "a indiqué mardi le gouverneur": a time word between the verb and its speaker; ", a-t-il déclaré": the pronoun
  // joined to the verb
  const inv = invertedAt(c, i, m.end);
  let np: NP | null = inv >= 0 ? { s: inv, e: inv + 1 } : npAfter(c, skipAdverbials(c, m.end, E), E);
  // "said local officials and a security source", "ont indiqué des élus locaux et une source sécuritaire": two
  // speakers joined, the first one named (after the comma that closes the content)
  if (np && inv < 0 && i > 0 && tok[i - 1].text === ',' && np.e + 1 < E && c.lex.w.coordinators.has(tok[np.e].lower)) {
    const np2 = npAfter(c, np.e + 1, E);
    if (np2 && np2.s === np.e + 1 && isTrailing(c, skipAdverbials(c, np2.e, E), cutAtParticiple(c, np2.e, E))) np = { s: np.s, e: np2.e, joined: np.e };
  }
  const content = trimSpan(c, lastEnd, i);
  const openEnd = openEndBefore(c, i, lastEnd);
  // ("said regional governor X": a person the actors stage named, with a lower-case role before the name)
  const person = (x: NP) => c.actors.some((a) => a.kind === 'person' && a.start === tok[x.s].start && a.end === tok[x.e - 1].end);
  const npOk = np && inv >= 0 ? isTrailing(c, skipAdverbials(c, m.end, E), E) : np && (isPronoun(c, np.s) || capital(tok[np.s]) || c.lex.determiners.has(tok[np.s].lower) || c.alex.roleNouns.has(tok[np.e - 1].lower) || c.alex.generic.has(tok[np.e - 1].lower) || person(np)) && (isTrailing(c, skipAdverbials(c, np.e, E), cutAtParticiple(c, np.e, E)) || ((countSubj || describedAt(c, np, E)) && appositionTail(c, np.e, E)));
  if (!np || !content || !npOk || openEnd) return null;
  const sp = speakerFrom(c, countSubj ? actorHead(c, np) : np);
  if (!lateQuoteCue(c, content, { s: i, e: m.end }, m.v.lemma, sp)) add(c, content, { s: i, e: m.end }, m.v.lemma, false, sp, 'said.inverted');
  r.lastEnd = np.e;
  return np.e - 1;
}

/** Adds a statement whose content comes before its cue (unless a quotation there takes the cue); the token to go on from. */
function late(c: Ctx, r: Reading, site: VerbSite, content: Span, sp: Speaker | null): number {
  const { i, m } = site;
  if (!lateQuoteCue(c, content, { s: i, e: m.end }, m.v.lemma, sp)) add(c, content, { s: i, e: m.end }, m.v.lemma, false, sp, 'said.before');
  r.lastEnd = m.end;
  return m.end - 1;
}

/** Adds the statement of a verb site; the token to go on from. */
function said(c: Ctx, r: Reading, site: VerbSite, content: Span, sp: Speaker | null, rule: string): number {
  add(c, content, { s: site.i, e: site.m.end }, site.m.v.lemma, false, sp, rule);
  r.lastEnd = site.m.end;
  return site.m.end - 1;
}
