// Unknown places (a cue vouches for them, the gazetteer cannot place them) are placed at their parent:
// the place a relation names ("X north of Y"), else the nearest place in their sentence, else the
// article's most named place or its country (precision 2, or 3 at a region or country).
import type { Place } from '../../core/types.js';
import { isCountry, type GazEntry, type Gazetteer } from '../../geo/gazetteer.js';
import { geonameIdOf, isAdmin, type Scored } from './candidates.js';
import type { PlacesLexicon } from './lexicon.js';
import type { Mention } from './words.js';

/** What placing unknown places reads: the mentions, the choice for each, the places made of them. */
export interface Placed {
  readonly gaz: Gazetteer;
  readonly lex: PlacesLexicon;
  readonly mentions: Mention[];
  readonly resolved: (Scored | null)[];
  readonly places: (Place | null)[];
  /** the article's demonyms, by country */
  readonly demonymVotes: Map<string, number>;
  /** the country a phrase right after the mention names as its ground ('on Nigerian territory'), or undefined */
  territoryOf(m: Mention): string | undefined;
}

/** the article's country, from the places kept (and its demonyms) */
function focusCountryOf(r: Placed): GazEntry | undefined {
  const kept = new Map<string, number>();
  r.resolved.forEach((x, k) => {
    if (x && !r.mentions[k].attributive && !r.mentions[k].dateline) kept.set(x.e.country, (kept.get(x.e.country) ?? 0) + (isCountry(x.e) ? 3 : 1));
  });
  for (const [cc, v] of r.demonymVotes) kept.set(cc, (kept.get(cc) ?? 0) + v);
  const focusList = [...kept.entries()].sort((a, b) => b[1] - a[1]);
  return focusList.length ? r.gaz.country(focusList[0][0]) : undefined;
}

/** the article's most named place below country level (a mention of it), as a fallback parent */
function mainPlaceOf(r: Placed, focusCountry: GazEntry | undefined): number | null {
  const counts = new Map<number, { n: number; k: number }>();
  r.resolved.forEach((x, k) => {
    // (not a dateline: where the report was filed is no fallback for where things happened)
    if (x && !isCountry(x.e) && !r.mentions[k].dateline && focusCountry && x.e.country === focusCountry.country) {
      const c = counts.get(x.e.idx);
      if (c) c.n++;
      else counts.set(x.e.idx, { n: 1, k });
    }
  });
  let mainPlace: number | null = null;
  let mainN = 0;
  for (const { n, k } of counts.values()) if (n > mainN) { mainN = n; mainPlace = k; }
  return mainPlace;
}

/** unknown places: placed at their parent */
export function placeUnknown(r: Placed): void {
  const { mentions, resolved, places } = r;
  const focusCountry = focusCountryOf(r);
  const mainPlace = mainPlaceOf(r, focusCountry);
  const indexOf = new Map<Mention, number>();
  mentions.forEach((m, k) => indexOf.set(m, k));
  places.forEach((p, k) => {
    if (!p || p.geonameId !== null || p.lat !== null) return;
    let precision: 2 | 3 = 2;
    const m = mentions[k];
    // "the camp of Banki on Nigerian territory": in that country, whatever the article's is
    const ground = r.territoryOf(m);
    const groundCountry = ground ? r.gaz.country(ground) : undefined;
    if (groundCountry) {
      placeAt(p, groundCountry, 3);
      p.evidence.push({ rule: 'places.parent.territory', span: { start: p.start, end: p.end } });
      return;
    }
    const hinted = hintedParent(r, m, indexOf);
    const parentK = hinted ?? nearbyParent(r, m, k, focusCountry?.country);
    // ("X north of Y": north of Y; "X in Y" says no more than the parent)
    if (hinted !== null && m.parentRelation && !r.lex.containingRelations.has(m.parentRelation)) p.qualifier ??= m.parentRelation;
    let parent: GazEntry | undefined;
    if (parentK !== null) parent = resolved[parentK]!.e;
    else if (mainPlace !== null) {
      parent = resolved[mainPlace]!.e;
      precision = 3;
    } else if (focusCountry) {
      parent = focusCountry;
      precision = 3;
    }
    if (!parent) return;
    if (isCountry(parent) || isAdmin(parent)) precision = 3;
    placeAt(p, parent, precision);
    p.evidence.push({ rule: parentK !== null ? 'places.parent.context' : 'places.parent.article', span: parentK !== null ? { start: mentions[parentK].start, end: mentions[parentK].end } : { start: p.start, end: p.end } });
  });
}

/** An unknown place placed at its parent: the parent's country, coordinates and first-level region. */
function placeAt(p: Place, parent: GazEntry, precision: 2 | 3): void {
  p.country = parent.country || null;
  p.lat = parent.lat;
  p.lon = parent.lon;
  p.precision = precision;
  p.admin1 = parent.admin1 || null;
  p.parent = { name: parent.name, geonameId: geonameIdOf(parent) };
}

/** The place an explicit relation names ("X north of Y", "X in Y"), following a chain of unknown places. */
function hintedParent(r: Placed, m: Mention, indexOf: Map<Mention, number>): number | null {
  let h = m.parentHint;
  for (let guard = 0; h !== undefined && guard < 4; guard++) {
    const hk = indexOf.get(h);
    if (hk === undefined) break;
    if (r.resolved[hk]) return hk;
    h = h.parentHint;
  }
  return null;
}

/** Else the nearest place in its sentence that is not a country (before, then after), else one up to two sentences back. */
function nearbyParent(r: Placed, m: Mention, k: number, focusCc: string | undefined): number | null {
  const { mentions, resolved } = r;
  // (a dateline is where the report was filed: a parent only inside the article's country, "MOSCOW
  // (Sputnik)" holds no Syrian village; an attributive place, "the Kherson governor", is still near)
  // (and of a dateline's own country, only a part of the city: "GAZA CITY — ... the Shejaiya neighbourhood"; "RAWALPINDI:
  // ... in the Mir Ali area" is far from it)
  const cityPart = m.cue?.kind === 'neighbourhood' || m.cue?.kind === 'district' || m.cue?.kind === 'facility';
  const usable = (j: number) => !!resolved[j] && !isCountry(resolved[j]!.e) && (!mentions[j].dateline || (cityPart && (focusCc === undefined || resolved[j]!.e.country === focusCc)));
  for (let j = k - 1; j >= 0 && mentions[j].sentence === m.sentence; j--) if (usable(j)) return j;
  for (let j = k + 1; j < mentions.length && mentions[j].sentence === m.sentence; j++) if (usable(j)) return j;
  for (let j = k - 1; j >= 0 && mentions[j].sentence >= m.sentence - 2; j--) if (usable(j)) return j;
  return null;
}
