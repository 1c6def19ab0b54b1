// Stage "places": every toponym, resolved against the gazetteer (src/geo) or placed at its parent.
// detect.ts finds mentions (gazetteer n-grams, cue patterns), resolve.ts picks the place.
import type { Analysis } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadGazetteer, type Gazetteer } from '../../geo/gazetteer.js';
import { languageOf } from '../../lang/index.js';
import { loadPlacesLexicon, type PlacesLexicon } from './lexicon.js';
import { detectMentions, toWords } from './detect.js';
import { annotateContext } from './context.js';
import { resolveMentions } from './resolve.js';
import { markStateActors } from './state-actor.js';

export { publishedPlaces, isStateUse, STATE_RULE } from './published.js';

export const GAZETTEER_KEY = 'gazetteer';
export const PLACES_LEXICON_KEY = 'places.lexicon';

export const placesStage: Stage = {
  name: 'places',
  requires: ['sentences', 'tokens'],
  assigns: ['places'],
  run(a: Analysis, r: Resources) {
    const gaz = r.get<Gazetteer>(GAZETTEER_KEY, () => loadGazetteer());
    const L = languageOf(a);
    const lex = r.get<PlacesLexicon>(L.lexiconKey(PLACES_LEXICON_KEY), () => loadPlacesLexicon(L));
    a.places = findPlaces(a.document.text, a.tokens, gaz, lex, L.adjectivesFollowNouns);
  },
};

/** adjectivesFollowNouns: the language's (Language.adjectivesFollowNouns): a name may go on in lower case. */
export function findPlaces(text: string, tokens: Analysis['tokens'], gaz: Gazetteer, lex: PlacesLexicon, adjectivesFollowNouns = false): Analysis['places'] {
  const ctx = { text, gaz, lex, adjectivesFollowNouns, ...toWords(text, tokens, lex) };
  const mentions = annotateContext(ctx, detectMentions(ctx));
  markStateActors(ctx, mentions);
  return resolveMentions(ctx, mentions);
}
