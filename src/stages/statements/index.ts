// Stage "statements": who said what. Extractors:
//   quote.after   “...,” SPEAKER said / “...” said SPEAKER
//   quote.before  SPEAKER said: “...” / SPEAKER told Y “...”
//   quote.inherit a quote with no cue of its own (next paragraph, second half of a split quote) takes
//                 the speaker of the statement before it
//   said.after    SPEAKER said (that) CONTENT           (also told Y, announced, claimed, denied...)
//   said.before   CONTENT(,) SPEAKER said / CONTENT said SPEAKER
//   said.adding   ..., adding (that) CONTENT            (speaker of the clause before)
//   according-to  according to SPEAKER(,) CONTENT / CONTENT according to SPEAKER
//   citing        ... SANA reported citing SPEAKER     (speaker via SANA)
// The content span (start/end) covers what was said: the whole quote with its marks, or the whole
// reported clause. The speaker is resolved to an actor's full name where the article gives one
// (pronouns, short forms, "the Observatory", "the statement said").
//
// One construction or pass per file: quotes.ts (quotation marks), noun-phrase.ts and speaker.ts (who),
// direct-quotes.ts, reported.ts, pronouns.ts, cleanup.ts; their order and why: order.ts.
import type { Actor, Analysis, Statement, Token } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadActorLexicon, type ActorLexicon } from '../actors/lexicon.js';
import { loadStatementLexicon, tokenKey, type StatementLexicon } from './lexicon.js';
import { FORMAT, tokAt, type Ctx, type Quote } from './context.js';
import { findQuotes } from './quotes.js';
import { PASSES } from './order.js';
import { languageOf } from '../../lang/index.js';

export { loadStatementLexicon } from './lexicon.js';

/** A format character token (zero-width space...); every format character is at or above U+00AD. */
const isFormat = (t: Token) => t.text.charCodeAt(0) >= 0xad && FORMAT.test(t.text);

export function findStatements(a: Analysis, lex: StatementLexicon, alex: ActorLexicon): Statement[] {
  const text = a.document.text;
  // zero-width and other format characters are not words ("Traeger\u200b said")
  const tok = a.tokens.some(isFormat) ? a.tokens.filter((t) => !isFormat(t)) : a.tokens;
  // pronoun mentions are resolved here with what statements know (speakers, gender), not taken as names
  const actors = a.actors.filter((x) => x.evidence[0]?.rule !== 'actors.pronoun').sort((x, y) => x.start - y.start || y.end - x.end);
  const actorByStartTok = new Map<number, Actor>();
  const actorByEndTok = new Map<number, Actor>();
  for (const x of actors) {
    const s = tokAt(tok, x.start);
    let e = tokAt(tok, x.end) - 1;
    if (e < s) e = s;
    if (!actorByStartTok.has(s)) actorByStartTok.set(s, x);
    const prev = actorByEndTok.get(e);
    if (!prev || prev.end - prev.start < x.end - x.start) actorByEndTok.set(e, x);
  }
  const sentStart: number[] = [];
  const sentEnd: number[] = [];
  for (let i = 0; i < tok.length; i++) {
    const s = tok[i].sentence;
    if (sentStart[s] === undefined) sentStart[s] = i;
    sentEnd[s] = i + 1;
  }
  for (let s = 0; s < a.sentences.length; s++) {
    if (sentStart[s] === undefined) {
      sentStart[s] = s > 0 ? sentEnd[s - 1] ?? 0 : 0;
      sentEnd[s] = sentStart[s];
    }
  }
  const para = a.sentences.map((x) => x.paragraph);
  const quoted = new Int32Array(tok.length).fill(-1);
  const quotes: Quote[] = [];
  // quotes come in text order: one cursor walks the tokens once (a binary search per quote was
  // n log n on a run of quotation marks, and garbage-heavy)
  let cursor = 0;
  const tokenAt = (offset: number) => {
    while (cursor > 0 && tok[cursor - 1].start >= offset) cursor--;
    while (cursor < tok.length && tok[cursor].start < offset) cursor++;
    return cursor;
  };
  for (const q of findQuotes(text, lex)) {
    const first = tokenAt(q.start);
    const t0 = tokenAt(q.start + 1);
    const last = tokenAt(q.end);
    const t1 = q.closed ? tokenAt(q.end - 1) : last;
    const qi = quotes.length;
    quotes.push({ start: q.start, end: q.end, closed: q.closed, t0, t1 });
    quoted.fill(qi, first, last);
  }
  // (a count of one is left out: "one civil defense source told Anadolu" names its speaker)
  const countStart = new Uint8Array(tok.length);
  const ageStart = new Uint8Array(tok.length);
  for (const q of a.quantities) {
    if (q.nonCount === 'age') {
      const k = tokAt(tok, q.start);
      if (k < tok.length && tok[k].start === q.start) ageStart[k] = 1;
    }
    if (q.nonCount || Math.max(q.min ?? 0, q.max ?? 0) < 2) continue;
    const k = tokAt(tok, q.start);
    if (k < tok.length && tok[k].start === q.start) countStart[k] = 1;
  }
  // the last token of each place named ("in the village of Taduf said": a place is no speaker)
  const placeEnd = new Uint8Array(tok.length);
  for (const p of a.places ?? []) {
    const k = tokAt(tok, p.end) - 1;
    if (k >= 0 && k < tok.length) placeEnd[k] = 1;
  }
  const c: Ctx = {
    text,
    tok,
    placeEnd,
    keys: tok.map(tokenKey),
    lex,
    alex,
    actors,
    actorByStartTok,
    actorByEndTok,
    quoted,
    headFirst: languageOf(a).adjectivesFollowNouns,
    countStart,
    ageStart,
    quotes,
    usedVerb: new Uint8Array(tok.length),
    sentStart,
    sentEnd,
    para,
    out: [],
  };
  for (const pass of PASSES) pass.run(c);
  return c.out;
}

export const statementsStage: Stage = {
  name: 'statements',
  requires: ['sentences', 'tokens', 'quantities', 'places', 'actors'],
  assigns: ['statements'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('statements.lexicon'), () => loadStatementLexicon(L));
    const alex = r.get(L.lexiconKey('actors.lexicon'), () => loadActorLexicon(L));
    a.statements = findStatements(a, lex, alex);
  },
};
