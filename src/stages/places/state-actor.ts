// A country (or a capital) named for its state acting as an organisation, not as the place where something
// happens: "the Government of Iraq", "Iraq's security forces", "Russia must use its influence", "we support
// Iraq", "Coalition nations ... include Australia, Belgium and Canada", "the United States and Iraq signed".
// Such a mention is an actor; the output keeps a place for it only when the article names that place nowhere
// as a place (GUIDELINES: one record per distinct place named), see publishedPlaces() in ./published.ts.
// The words are in data/<lang>/places.json ("stateActor"); mentions after a preposition of place ("strikes in
// Iraq"), in apposition to a place ("Palmyra, Syria") or naming a place's parts stay places.
import type { Span } from '../../core/types.js';
import { isCountry } from '../../geo/gazetteer.js';
import type { ContextCtx } from './context.js';
import type { Mention } from './detect.js';
import { wordAfter } from './words.js';
import { endingOf } from '../endings.js';


/** The mention's main entry (by its own name) is a country, or (capitals too) a capital. */
function stateOf(c: ContextCtx, m: Mention, capitals: boolean): boolean {
  for (const p of m.postings) {
    if (p.alt) continue;
    const e = c.gaz.entry(p.idx);
    if (isCountry(e) || (capitals && e.featureCode === 'PPLC')) return true;
  }
  return false;
}

const span = (c: ContextCtx, i: number, j: number): Span => ({ start: c.words[i].start, end: c.words[j].end });

/** The word index before the mention in its sentence, past one "the"/"our"/"its" (-1 when none). */
function before(c: ContextCtx, m: Mention, skipDet: boolean): number {
  const { words, lowers } = c;
  let p = m.wi - 1;
  if (p < 0 || words[p].sentence !== words[m.wi].sentence) return -1;
  if (skipDet && c.lex.stateActor.determiners.has(lowers[p]) && p >= 1 && words[p - 1].sentence === words[p].sentence) p--;
  return p;
}

/** The word index after the mention in its sentence (-1 when none). */
function after(c: ContextCtx, m: Mention): number {
  const { words } = c;
  const n = wordAfter(words, m);
  return n < words.length && words[n].sentence === words[m.wi].sentence ? n : -1;
}

/** "Palmyra, Syria", "strikes in Iraq", "north of Syria": the mention is a place by its position. */
function placeByPosition(c: ContextCtx, m: Mention, mentionEndingAt: Map<number, Mention>): boolean {
  const { lowers, lex } = c;
  const p = before(c, m, true);
  if (p < 0) return false;
  if (lex.locativePrepositions.has(lowers[p]) || lex.stateActor.placePrepositions.has(lowers[p])) return true;
  // (after another state it is a list: "Russia, Iran and Turkey")
  const prev = lowers[p] === ',' ? mentionEndingAt.get(p - 1) : undefined;
  if (prev && !stateOf(c, prev, false)) return true;
  return false;
}

/** "the Government of Iraq", "the people of Iraq" (people: countries only, "the people of Aleppo" are where
 * they live): the head and "of", or undefined. */
function ofHead(c: ContextCtx, m: Mention): Span | undefined {
  const { lowers, lex } = c;
  const p = before(c, m, true);
  if (p < 1 || !lex.genitivePrepositions.has(lowers[p])) return undefined;
  const h = lowers[p - 1];
  if (lex.stateActor.headsOf.has(h) || (lex.stateActor.peopleOf.has(h) && stateOf(c, m, false))) return span(c, p - 1, p);
  return undefined;
}

/** The cue of a state acting as an organisation, from the words around it, or undefined. */
function ownCue(c: ContextCtx, m: Mention): Span | undefined {
  const { words, lowers, lex, text } = c;
  const sa = lex.stateActor;
  if (m.attributive) return m.attributive;
  const p = before(c, m, true);
  const of = ofHead(c, m);
  if (of) return of;
  // "we support Iraq", "our ally Turkey", "relations with the United States", "pressed for Russia to"
  if (p >= 0) {
    const w = sa.wordsBefore.matchEndingAt(lowers, p);
    if (w && !words[p].name) return span(c, p - w.len + 1, p);
  }
  const n = after(c, m);
  if (n < 0) return undefined;
  // "Iraq's security forces", "Turkey's democratically elected government", "the United States' message"
  if (sa.possessiveClitics.has(lowers[n]) || (sa.possessiveApostrophes.has(lowers[n]) && endingOf(lowers[m.wj], sa.possessiveApostropheEndings) !== undefined)) {
    for (let k = n + 1; k < words.length && k <= n + 4 && words[k].sentence === words[n].sentence; k++) {
      if (lex.actorNounsAfter.has(lowers[k]) || sa.nounsAfterPossessive.has(lowers[k])) return span(c, n, k);
      if (lowers[k] === ',' || lex.copulativeConjunctions.has(lowers[k]) || lex.genitivePrepositions.has(lowers[k])) break;
    }
    return undefined;
  }
  // "UK-France co-operation", "the U.S.-Iraq partnership": the second state of a pair before a relation noun
  if (text[m.start - 1] === '-' && (sa.relationNouns.has(lowers[n]) || lex.actorNounsAfter.has(lowers[n]))) return span(c, n, n);
  // "Iraq will be able to", "Russia must use": a modal, then a verb
  if (sa.modals.has(lowers[n]) && !words[n].name) return span(c, n, n);
  // "for Iraq to obtain": the subject of an infinitive after "for"
  if (p >= 0 && sa.infinitiveSubjectAfter.has(lowers[p]) && sa.infinitiveMarkers.has(lowers[n]) && n + 1 < words.length && !words[n + 1].name && !lex.functionWords.has(lowers[n + 1])) return span(c, n, n + 1);
  return undefined;
}

/** Coordinated states ("Russia and Iran", "Australia, Belgium, and the United States"): runs of mentions
 * joined by commas, "and", "or" and "the", as index lists into mentions. */
function coordinatedRuns(c: ContextCtx, mentions: Mention[]): number[][] {
  const { lowers, words } = c;
  const runs: number[][] = [];
  let run: number[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (run.length) {
      const last = mentions[run[run.length - 1]];
      let joined = words[last.wj].sentence === words[m.wi].sentence && m.wi > last.wj;
      for (let w = last.wj + 1; joined && w < m.wi; w++) if (words[w].start >= last.end && !c.lex.stateActor.coordinators.has(lowers[w])) joined = false;
      if (!joined) {
        runs.push(run);
        run = [];
      }
    }
    run.push(k);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** "Coalition nations which have struck in Iraq include Australia, Belgium ...": a list after "include" whose
 * clause names a collective of states (nations, partners, allies, the international community). */
function listOfMembers(c: ContextCtx, first: Mention): Span | undefined {
  const { words, lowers, lex } = c;
  const sa = lex.stateActor;
  let p = first.wi - 1;
  if (p >= 0 && (lowers[p] === '–' || lowers[p] === '—' || lowers[p] === ',')) p--;
  if (p < 0 || words[p].sentence !== words[first.wi].sentence) return undefined;
  const inc = sa.listOpeners.matchEndingAt(lowers, p);
  if (!inc) return undefined;
  for (let k = p - inc.len; k >= 0 && k >= p - 14 && words[k].sentence === words[p].sentence; k--) {
    if (sa.collectives.has(lowers[k])) {
      const q = k >= 1 && lex.functionWords.has(lowers[k - 1]) && !lex.locativePrepositions.has(lowers[k - 1]) ? k - 2 : k - 1;
      if (q >= 0 && lex.locativePrepositions.has(lowers[q])) return undefined;
      return span(c, k, k);
    }
  }
  return undefined;
}

/** Sets m.state on the mentions that name a state acting as an organisation. */
export function markStateActors(c: ContextCtx, mentions: Mention[]): void {
  const mentionEndingAt = new Map<number, Mention>();
  for (const m of mentions) mentionEndingAt.set(m.wj, m);
  // (French "de" is both "of" and "from": a head before it settles it, "le gouvernement de la Syrie")
  const candidate = mentions.map((m) => stateOf(c, m, true) && (!!ofHead(c, m) || !placeByPosition(c, m, mentionEndingAt)));
  mentions.forEach((m, k) => {
    if (candidate[k]) m.state = ownCue(c, m);
  });
  for (const run of coordinatedRuns(c, mentions)) {
    const list = listOfMembers(c, mentions[run[0]]);
    const cue = list ?? run.map((k) => mentions[k].state).find((s) => s !== undefined);
    if (!cue) continue;
    for (const k of run) if (candidate[k] || (list && stateOf(c, mentions[k], false))) mentions[k].state ??= cue;
  }
}
