// Shared state of the statements stage: the token view, quotes, actors by token, and the few word tests every construction uses.
import type { Actor, Statement, Token } from '../../core/types.js';
import type { ActorLexicon } from '../actors/lexicon.js';
import type { StatementLexicon, VerbInfo } from './lexicon.js';
import { tokenIndexAt } from '../sentences/index.js';

export interface Quote {
  start: number; // offset of the opening mark
  end: number; // offset after the closing mark (or paragraph end)
  closed: boolean;
  t0: number; // first token inside
  t1: number; // token after the last inside
}

export interface NP {
  s: number; // token index
  e: number; // exclusive
  /** the name inside the phrase when no actor marks it (an unknown name before an apposition) */
  name?: NP;
  /** read back over a bare comma right before the verb (no apposition there): "The drill went well, said X" */
  overComma?: boolean;
  /** the "and" between two speakers of one phrase ("a local official and a witness"): the first names it */
  joined?: number;
}

export const SKIP_CONTENT = process.env.SITREP_SKIPCONTENT !== '0';
export const GENDER = process.env.SITREP_GENDER !== '0';
export const PRONOUN_MODE = process.env.SITREP_PRONOUN ?? 'latest';

/** The sentence being read: its token range, and where the content of a statement made later may start. */
export interface Reading {
  S: number;
  E: number;
  /** content before a late cue starts after the previous statement's cue */
  lastEnd: number;
  /** statements made from this sentence are pushed after this index */
  firstOfSentence: number;
}

export interface Ctx {
  /** set for the final pass that resolves pronoun speakers */
  final?: boolean;
  /** person id → 'm' | 'f', from honorifics and the pronouns that follow a mention */
  gender?: Map<string, string>;
  /** person id → the sum of the gender votes (> 0 male): one vote is weak evidence */
  genderVotes?: Map<string, number>;
  /** he/she token → the most salient person of that gender before it (final pass, salience.ts) */
  salient?: Map<number, import('./salience.js').Salient>;
  /** quote index → the most salient person where a quotation opens its paragraph, and every person's salience there */
  salientAtQuote?: Map<number, { top: import('./salience.js').Salient; v: number; ranked: Map<string, number> }>;
  /** sentence index → paragraph index (a line break starts a paragraph) */
  para?: number[];
  /** actor → end of the reported clause that holds it (final pass) */
  contentActors?: Map<Actor, number>;
  text: string;
  tok: Token[];
  /** token → its key as the phrase indexes see it (normKey of a word, the text of anything else) */
  keys: string[];
  lex: StatementLexicon;
  alex: ActorLexicon;
  actors: Actor[];
  actorByStartTok: Map<number, Actor>;
  /** 1 at the last token of a place mention */
  placeEnd: Uint8Array;
  actorByEndTok: Map<number, Actor>;
  quoted: Int32Array; // token → quote index or -1
  /** the language names a noun phrase's head first ("une source militaire": Language.adjectivesFollowNouns) */
  headFirst: boolean;
  /** token → 1 where a count of two or more opens (the numbers stage's quantities: "40", "five", "dozens") */
  countStart: Uint8Array;
  /** token → 1 where an age opens ("24" of "24-year-old": the numbers stage's non-count quantities) */
  ageStart: Uint8Array;
  quotes: Quote[];
  usedVerb: Uint8Array;
  sentStart: number[]; // sentence index → first token
  sentEnd: number[]; // sentence index → token after last
  out: Statement[];
}

export const FORMAT = /^[\p{Cf}\u200b\ufeff]+$/u;
const TRIMMED = /[\s,;:—–\-]/;
/** Without leading and trailing spaces, commas, colons and dashes (by hand: a trailing [...]+$ pattern is quadratic). */
export function trimPunct(s: string): string {
  let a = 0, b = s.length;
  while (a < b && TRIMMED.test(s[a])) a++;
  while (b > a && TRIMMED.test(s[b - 1])) b--;
  return s.slice(a, b);
}

export const tokAt = tokenIndexAt;

// ---------------------------------------------------------------- helpers
export const isWord = (t: Token | undefined) => !!t && (t.kind === 'word' || t.kind === 'number');
const UPPER_FIRST = /^\p{Lu}/u;
/** Does the text open with an upper-case letter (ASCII told without the pattern)? */
export function upperFirst(s: string): boolean {
  const c0 = s.charCodeAt(0);
  return c0 < 128 ? c0 >= 65 && c0 <= 90 : UPPER_FIRST.test(s);
}
export const capital = (t: Token) => upperFirst(t.text);

const LOWER_WORD = /^\p{Ll}+$/u;
/** A lower-case word with a finite verb's ending ("visited", "says"; finiteVerbEndings), more than the ending alone. */
export function finiteLooking(c: Ctx, text: string): boolean {
  for (const e of c.lex.w.finiteVerbEndings) if (text.length > e.length && text.endsWith(e)) return LOWER_WORD.test(text);
  return false;
}

export function verbAt(c: Ctx, i: number): { end: number; v: VerbInfo } | null {
  const t = c.tok[i];
  if (!t || t.kind !== 'word') return null;
  // a capitalised form is a name ("Islamic State", "Washington Post") unless it opens the sentence
  if (upperFirst(t.text) && i > 0 && c.tok[i - 1].sentence === t.sentence && !c.lex.open.has(c.tok[i - 1].text)) return null;
  // a region's word after a place, or ending it, is no verb ("in Borno state said"; not "Amnesty International
  // state that", a body that states)
  if (c.lex.w.regionNouns.has(t.lower) && (c.placeEnd[i] === 1 || (i > 0 && c.placeEnd[i - 1] === 1)) && !c.lex.that.has(c.tok[i + 1]?.lower ?? '')) return null;
  const m = c.lex.verbs.longestAtKeys(c.keys, i);
  if (!m) return null;
  if (c.lex.w.epithetVerbs.has(t.lower) && epithetUse(c, i)) return null;
  return { end: m.end, v: m.value };
}

/** A name given after a comma ("Daglo, dit « Hemedti », assiège", "le chef, dit le Tigre, a été arrêté"): a short
 * quotation of capitalised words, or an article and capitalised words, closed by punctuation, after a subject with no
 * verb of its own (not "La ville est tombée, dit le général, ...", "Douze civils ont été tués, dit « Le Monde »"). */
function epithetUse(c: Ctx, i: number): boolean {
  const tok = c.tok;
  const prev = tok[i - 1];
  if (!prev || prev.text !== ',' || i < 2 || tok[i - 2].kind !== 'word' || c.quoted[i - 2] >= 0) return false;
  const sent = tok[i].sentence;
  let k = i + 1;
  const quoted = k < tok.length && c.lex.open.has(tok[k].text);
  if (quoted) k++;
  if (k < tok.length && c.lex.w.articles.has(tok[k].lower)) k++;
  else if (!quoted) return false;
  const first = k;
  while (k < tok.length && k - first < 5 && tok[k].sentence === sent && (tok[k].kind === 'word' && (upperFirst(tok[k].text) || tok[k].text.includes('-')))) k++;
  if (k === first || k >= tok.length || tok[k].sentence !== sent) return false;
  if (quoted) {
    if (!c.lex.close.has(tok[k].text)) return false;
    k++;
    if (k < tok.length && tok[k].sentence === sent && tok[k].kind !== 'punct') return false;
  } else if (tok[k].text !== ',') return false;
  // (a clause with a verb of its own before the comma reports: "Douze civils ont été tués, dit « Le Monde »")
  const aux = (w: string) => c.lex.w.perfectAux.has(w) || c.lex.w.passiveAux.has(w);
  for (let j = i - 2; j >= 0 && tok[j].sentence === sent; j--) if (c.quoted[j] >= 0 || c.lex.verbs.longestAtKeys(c.keys, j) || aux(tok[j].lower)) return false;
  return true;
}

/** « Le Monde », “KDK News”: the token of the closing mark when the opening mark at token k encloses exactly an
 * organisation the actors stage named, else -1. */
export function quotedOrganisation(c: Ctx, k: number, limit = c.tok.length): number {
  if (!c.lex.open.has(c.tok[k]?.text ?? '') || k + 1 >= limit) return -1;
  const a = c.actorByStartTok.get(k + 1);
  const ae = a && a.kind === 'organization' && !a.generic ? tokAt(c.tok, a.end) : -1;
  return ae > k + 1 && ae < limit && c.lex.close.has(c.tok[ae].text) ? ae : -1;
}

/** An indefinite article at token k ("a", "an"; an article that is no definite one). */
export function indefiniteAt(c: Ctx, k: number): boolean {
  const t = c.tok[k];
  return !!t && c.lex.w.articles.has(t.lower) && !c.lex.w.definiteArticles.has(t.lower);
}

export function isPronoun(c: Ctx, i: number): boolean {
  const t = c.tok[i];
  return !!t && c.lex.pronouns.has(t.lower);
}

/** The subject pronoun joined to a verb by hyphens ("a-t-il", "dit-elle"): "il", "elle"; or null ("a-t-on" names no one). */
export function invertedPronoun(c: Ctx, i: number): string | null {
  const t = c.tok[i];
  if (!t || t.kind !== 'word') return null;
  const h = t.lower.lastIndexOf('-');
  if (h <= 0) return null;
  const p = t.lower.slice(h + 1);
  return c.lex.w.subjectPronouns.has(p) && c.lex.pronouns.has(p) ? p : null;
}

/** The token of [s, e) that holds an inverted subject pronoun, or -1. */
export function invertedAt(c: Ctx, s: number, e: number): number {
  for (let i = s; i < e; i++) if (invertedPronoun(c, i)) return i;
  return -1;
}

/** Skip adverbials after a verb ("on Tuesday", "in a statement", "to reporters", "also"). */
