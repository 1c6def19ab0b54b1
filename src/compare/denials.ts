// Denials and counter-claims beside a figure group: statements, in documents about the same place and
// days, that deny the figure ("the army denied that anyone was killed"), deny responsibility ("the
// ministry denied its forces struck the hospital") or call the attack someone else's doing or staged
// ("called it a provocation"). Cue words: data/en/figure-cues.json.
import type { CompareDoc } from './figures.js';
import { sentenceAround } from './sentence.js';
import { compatibleGroups, type GroupLexicon } from './groups.js';
import { samePlace, type FigurePlace } from './figure-place.js';
import { loadFigureCues } from './cues.js';

export interface Denial {
  docId: string;
  outlet: string | null;
  source: string | null;
  sentence: string;
  /** figure: denies the number; responsibility: denies who did it; counter-claim: calls it staged or another's doing */
  kind: 'figure' | 'responsibility' | 'counter-claim';
}

const DAY = 86_400_000;
const dayOf = (d: string | null | undefined) => (d ? Date.parse(d + 'T00:00:00Z') : null);

export function findDenials(group: { category: string; classes: Set<string>; days: number[]; places: (FigurePlace | null)[] }, docs: CompareDoc[], lex: GroupLexicon, dayWindow: number): Denial[] {
  const cues = loadFigureCues();
  const out: Denial[] = [];
  const categoryWord = cues.category[group.category];
  for (const doc of docs) {
    if (!doc.statements.length) continue;
    const day = dayOf(doc.referenceDate ?? doc.published);
    if (day != null && group.days.length && !group.days.some((d) => Math.abs(d - day) <= dayWindow * DAY)) continue;
    let placed: boolean | null = null;
    for (const st of doc.statements) {
      const cueText = doc.text.slice(st.cue.start, st.cue.end);
      const content = doc.text.slice(st.start, st.end);
      const denies = cues.denial.test(st.verb) || cues.denial.test(cueText);
      const counter = cues.counterClaim.test(content) || cues.counterClaim.test(cueText);
      if (!denies && !counter) continue;
      const aboutCategory = categoryWord?.test(content) ?? false;
      const aboutWho = cues.responsibility.test(content);
      let kind: Denial['kind'] | null = null;
      if (denies && aboutCategory) {
        const words = content.toLowerCase().match(/[a-z]+/g) ?? [];
        const namesGroup = words.some((w) => {
          const c = lex.classOf.get(w);
          return c != null && [...group.classes].some((k) => compatibleGroups(c, k, lex));
        });
        if (namesGroup || cues.figureWords.test(content)) kind = 'figure';
      }
      if (!kind && denies && aboutWho) kind = 'responsibility';
      if (!kind && counter && (aboutWho || aboutCategory || cues.counterClaim.test(cueText))) kind = 'counter-claim';
      if (!kind) continue;
      placed ??= group.places.some((gp) => doc.places.some((p) => samePlace(p, gp)));
      if (!placed) break;
      out.push({ docId: doc.id, outlet: doc.outlet, source: st.speaker?.name ?? null, sentence: sentenceAround(doc.text, st.start, st.end), kind });
    }
  }
  return out;
}
