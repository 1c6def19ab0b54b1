// Stage "framing": marks loaded terms (data/en/framing.json): labels for the armed opposition and the
// government side, loaded verbs and nouns, distancing markers. Matching is on tokens, case-insensitive,
// longest form first, without overlaps. Each term carries a stable target id so that outlets can be
// compared by how they name the same actors and events.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { once } from '../../core/once.js';
import type { Actor, Analysis, FramingTerm, Token } from '../../core/types.js';
import { SitrepError } from '../../core/errors.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { PhraseMatcher, splitPhrase } from '../dates/phrases.js';
import { filterOf, WordFilter } from '../word-filter.js';
import { english, languageOf, type Language } from '../../lang/index.js';
import { compiled, moduleFiles } from '../../pipeline/compiled-cache.js';

/** The lexicon files' schemas, made when a lexicon is built (a start that reads the compiled cache never needs them). */
const schemas = once(() => {
  const Term = z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    forms: z.array(z.string().min(1)).min(1),
    category: z.string(),
    target: z.string(),
    neutral: z.string(),
    notAfter: z.array(z.string()).optional(),
    notBefore: z.array(z.string()).optional(),
    /** One-word forms matched only as written ("IS", not the verb "is"). */
    exactCase: z.array(z.string().regex(/^\S+$/)).optional(),
  });

  const Schema = z.object({
    source: z.string(),
    about: z.string(),
    categories: z.record(z.string(), z.string()),
    terms: z.array(Term),
  });
  return { Term, Schema };
});

export interface FramingEntry {
  id: string;
  category: string;
  target: string;
  neutral: string;
  notAfter: Set<string>;
  notBefore: string[][];
}

export interface FramingLexicon {
  forms: PhraseMatcher<FramingEntry>;
  exact: Map<string, FramingEntry>;
}

export function compileFramingLexicon(raw: unknown, file = 'framing.json'): FramingLexicon {
  const parsed = schemas().Schema.safeParse(raw);
  if (!parsed.success) throw new SitrepError('E_DATA', `invalid framing lexicon: ${parsed.error.issues.map((i) => i.path.join('.') + ': ' + i.message).join('; ')}`, { file });
  const d = parsed.data;
  const entries: [string, FramingEntry][] = [];
  const seen = new Map<string, string>();
  const exact = new Map<string, FramingEntry>();
  for (const t of d.terms) {
    if (!(t.category in d.categories)) throw new SitrepError('E_DATA', `framing term "${t.id}" has unknown category "${t.category}"`, { file });
    const e: FramingEntry = {
      id: t.id,
      category: t.category,
      target: t.target,
      neutral: t.neutral,
      notAfter: new Set((t.notAfter ?? []).map((x) => x.toLowerCase())),
      notBefore: (t.notBefore ?? []).map(splitPhrase),
    };
    for (const f of t.forms) {
      const key = splitPhrase(f).join(' ');
      const other = seen.get(key);
      if (other) throw new SitrepError('E_DATA', `framing form "${f}" is listed under both "${other}" and "${t.id}"`, { file });
      seen.set(key, t.id);
      entries.push([f, e]);
    }
    for (const f of t.exactCase ?? []) exact.set(f, e);
  }
  return { forms: new PhraseMatcher(entries), exact };
}

export function loadFramingLexicon(lang: Language = english): FramingLexicon {
  const file = lang.data('framing.json');
  const build = () => compileFramingLexicon(JSON.parse(readFileSync(file, 'utf8')), file);
  return compiled(`framing-${lang.code}`, [file], moduleFiles(import.meta.url), build, [PhraseMatcher, WordFilter]);
}

function followedBy(tokens: Token[], end: number, phrases: string[][]): boolean {
  if (end >= tokens.length) return false;
  const sent = tokens[end - 1].sentence;
  outer: for (const p of phrases) {
    for (let k = 0; k < p.length; k++) {
      const t = tokens[end + k];
      if (!t || t.sentence !== sent || t.lower !== p[k]) continue outer;
    }
    return true;
  }
  return false;
}

export function findFraming(text: string, tokens: Token[], actors: Actor[], lex: FramingLexicon): FramingTerm[] {
  const out: FramingTerm[] = [];
  const exact = filterOf(lex.exact);
  // named actors (not generic labels) that run on past a term: the term is part of a name ("Army of Conquest")
  const names = actors.filter((x) => !x.generic).sort((p, q) => p.start - q.start);
  let ai = 0;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    let hit = t.kind === 'word' ? lex.forms.matchAt(tokens, i) : null;
    if (!hit && t.kind === 'word' && exact.mayHave(t.text)) {
      const x = lex.exact.get(t.text);
      if (x) hit = { end: i + 1, value: x, phrase: t.text };
    }
    if (!hit) {
      i++;
      continue;
    }
    const e = hit.value;
    const start = tokens[i].start;
    const end = tokens[hit.end - 1].end;
    const prev = i > 0 && tokens[i - 1].sentence === tokens[i].sentence ? tokens[i - 1].lower : '';
    let blocked = e.notAfter.has(prev) || followedBy(tokens, hit.end, e.notBefore);
    while (ai < names.length && names[ai].end <= start) ai++;
    for (let k = ai; !blocked && k < names.length && names[k].start < end; k++) {
      if (names[k].start <= start && names[k].end > end) blocked = true;
    }
    if (!blocked) {
      const span = { start, end };
      // fields written one by one: a spread of span here took most of the stage's time
      out.push({ start, end, text: text.slice(start, end), category: e.category, target: e.target, neutral: e.neutral || undefined, evidence: [{ rule: 'framing.' + e.id, span, note: hit.phrase }] });
    }
    i = hit.end;
  }
  return out;
}

export const framingStage: Stage = {
  name: 'framing',
  requires: ['sentences', 'tokens', 'actors'],
  assigns: ['framing'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('framing.lexicon'), () => loadFramingLexicon(L));
    a.framing = findFraming(a.document.text, a.tokens, a.actors, lex);
  },
};
