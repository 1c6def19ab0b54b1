// Those who report a happening are not its actors: speakers, the outlets and sources they told
// ("a military source told SANA"), news agencies, and pronouns nobody could resolve.
import type { Actor, Analysis, Sentence, Span } from '../../core/types.js';
import { sentenceAt } from '../sentences/index.js';
import type { EventLexicon } from './lexicon.js';

/** A news outlet or agency: it reports the event. */
function isMedia(x: Actor, lex: EventLexicon): boolean {
  if (lex.reporterNames.has(x.name.toLowerCase()) || lex.reporterNames.has(x.text.toLowerCase())) return true;
  if (x.kind !== 'organization') return false;
  return `${x.name} ${x.text}`.toLowerCase().split(/[^\p{L}]+/u).some((w) => lex.reporterWords.has(w));
}

/** "told the state broadcaster ...": the one told is a reporter, not an actor of the event. */
function toldBefore(before: string, lex: EventLexicon): boolean {
  const m = lex.words.toldBefore.exec(before);
  return Boolean(m && !lex.words.toldBreak.test(m[1]) && m[1].split(/\s+/).length <= 7);
}

/** A predicate: is this actor mention, in this sentence, one who reports rather than takes part? */
export function reporterFilter(a: Analysis, lex: EventLexicon): (s: Sentence, x: Actor) => boolean {
  // ("U.S. helicopters launched airstrikes, which they say killed 10": a pronoun that speaks stands for one who
  // may have acted; its antecedent's name reports nothing)
  const pronounAt = new Set(a.actors.filter((x) => x.evidence[0]?.rule === 'actors.pronoun').map((x) => x.start));
  const speakers = new Map<number, Span[]>();
  // ("Médecins Sans Frontières (MSF) said": the speaker's other mentions in its sentence, its bracketed acronym)
  const speakerIds = new Map<number, Set<string>>();
  for (const st of a.statements) {
    if (!st.speaker) continue;
    const sent = sentenceAt(a.sentences, st.speaker.start);
    if (!sent) continue;
    const list = speakers.get(sent.index) ?? [];
    list.push({ start: st.speaker.start, end: st.speaker.end });
    speakers.set(sent.index, list);
    if (st.speaker.actorId && !pronounAt.has(st.speaker.start)) speakerIds.set(sent.index, (speakerIds.get(sent.index) ?? new Set<string>()).add(st.speaker.actorId));
  }
  const toldNames = new Set(a.statements.flatMap((s) => (s.speaker?.via ? [s.speaker.via.name.toLowerCase()] : [])));
  const sources = new Map<number, { spans: Span[]; names: Set<string> }>();
  for (const c of a.claims) {
    const cur = sources.get(c.sentence) ?? { spans: [], names: new Set<string>() };
    if (c.source?.start != null && c.source.end != null) cur.spans.push({ start: c.source.start, end: c.source.end });
    if (c.source && !(c.source.start != null && pronounAt.has(c.source.start))) {
      cur.names.add(c.source.name.toLowerCase());
      if (c.source.via) cur.names.add(c.source.via.name.toLowerCase());
    }
    sources.set(c.sentence, cur);
  }
  // the tests are pure: the cheap ones first, the pattern over the text before the mention last
  return (s, x) => {
    const src = sources.get(s.index);
    if (overlaps(x, speakers.get(s.index)) || overlaps(x, src?.spans) || speakerIds.get(s.index)?.has(x.id)) return true;
    const name = x.name.toLowerCase();
    return (
      toldNames.has(name) ||
      toldNames.has(x.text.toLowerCase()) ||
      Boolean(src?.names.has(name)) ||
      (x.id.startsWith('pronoun:') && !x.antecedent) ||
      isMedia(x, lex) ||
      toldBefore(a.document.text.slice(Math.max(s.start, x.start - 60), x.start), lex)
    );
  };
}

function overlaps(x: Span, spans: Span[] | undefined): boolean {
  if (spans) for (const sp of spans) if (x.start < sp.end && sp.start < x.end) return true;
  return false;
}
