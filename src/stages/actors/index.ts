// Stage "actors": who is named in the article. Extractors, in order of trust, each on words no earlier
// one took:
//   dict      the actor dictionary (data/en/actors/actors.json, then petrarch.json), longest alias first
//   title     a title or role before a capitalised name ("Foreign Minister Mevlut Cavusoglu")
//   forces    a demonym or side word before a force noun ("Syrian forces", "government troops")
//   name      capitalised name shapes: organisation heads ("... Ministry"), known given names, a name
//             next to a reporting verb ("Telford said"), a known surname (short form of an earlier name)
//   generic   generic agents ("militants", "the regime"): generic: true, for framing
//   coref     "the minister" / "the spokesman" back to the last person holding that role
// Refiner: places lying strictly inside a named organisation or group are removed ("Syrian Observatory
// for Human Rights" holds no place); a place equal to an actor's span stays ("Damascus said").
// Files: context.ts (the per-document context, pushing an actor), names.ts (title, name, appositions),
// sides.ts (forces, governments, populations, bracketed acronyms), coref.ts (generic, coref, pronouns).
import type { Actor, Analysis } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadActorLexicon, type ActorLexicon } from './lexicon.js';
import { normKey, toUnits } from './units.js';
import type { DictActor } from './dict.js';
import { languageOf } from '../../lang/index.js';
import { type Ctx, caseOk, push, slug, starts } from './context.js';
import { FIRST, unitMasks } from './first-words.js';
import { earlierFullNames, names, titled } from './names.js';
import { generics, loneTitles, pronouns, roleCoref } from './coref.js';
import { bracketAcronyms, forces, governments, populations } from './sides.js';
import { mainCountry } from '../places/context.js';
import { isStateUse, STATE_RULE } from '../places/published.js';

export { loadActorLexicon } from './lexicon.js';

/** Two words one letter apart (one substituted, added or dropped). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const unitKeys = (s: string) => s.split(/[\s-]+/).filter(Boolean).map(normKey);

/** A person's alias without the given name of the entry's name, right after another given name (a known one, or a
 * word after a title: "Colonel Turki al-Maliki" is not Nuri al-Maliki). */
function otherGivenName(c: Ctx, i: number, end: number, e: DictActor): boolean {
  if (e.kind !== 'person' || i === 0) return false;
  const u = c.units;
  // (past a surname's article written apart: "al-Maliki" matched as "Maliki")
  let b = i - 1;
  if (b > 0 && c.text[u[b].end] === '-' && u[b].end + 1 === u[i].start && c.lex.surnamePrefix.test(c.text.slice(u[b].start, u[i].start))) b--;
  const p = u[b];
  if (!p.cap || !/^\p{Lu}/u.test(p.text) || p.sentence !== u[i].sentence || u[b + 1].start - p.end > 1 || c.lex.titleWords.has(p.key) || c.placeAt[b] >= 0) return false;
  // (a known given name, or a word after a title: "Colonel Turki")
  const q = b > 0 ? u[b - 1] : null;
  if (!c.lex.givenNames.has(p.key) && !(q && q.sentence === p.sentence && c.lex.titleWords.has(q.key))) return false;
  const own = unitKeys(e.name);
  // (the entry's given name spelled another way: "Ahmed" for "Ahmet", "Barrack" for "Barack")
  if (own.some((k) => k === p.key || (k.length >= 4 && oneEditApart(k, p.key)))) return false;
  // (the alias holds the entry's given name: the full name, not its short form)
  const first = own[0];
  for (let k = i; k < end; k++) if (u[k].key === first) return false;
  return true;
}

// ---------- 1. dictionary ----------
function dictionary(c: Ctx) {
  const u = c.units;
  let main: string | null | undefined;
  for (let i = 0; i < u.length; i++) {
    if (!starts(c, i, FIRST.dict) || c.taken[i]) continue;
    for (const m of c.lex.dict.matchesAt(u, i)) {
      if (!caseOk(c, i, m.end, m.value)) continue;
      const e = m.value;
      // a lone one-word person alias that is exactly a place ("Erbil") belongs to the places stage
      if (e.kind !== 'organization' && m.end - i === 1 && c.placeAt[i] >= 0 && e.source === 'petrarch') continue;
      // so does an organisation's name that a cue makes a place in this document ("near Al Mayadeen city")
      if (e.kind === 'organization' && c.placeAt[i] >= 0 && cuedPlaceAt(c, c.places[c.placeAt[i]], u[i].start, u[m.end - 1].end)) continue;
      // and an alias that ends a longer place name ("Bab Saba", a district, is not the Saba agency; "Dahiyet
      // al-Assad"); not an armed group's, which a cued name may have run into ("the city of Palmyra Daesh carried out")
      if (e.kind !== 'group' && c.placeAt[i] >= 0 && c.places[c.placeAt[i]].start < u[i].start && c.places[c.placeAt[i]].end >= u[m.end - 1].end) continue;
      // "the Al-Aqsa Martyrs Hospital": an alias opening a building's name names the building
      if (facilityAfter(c, i, m.end)) continue;
      // "Colonel Turki al-Maliki": a person's surname alone after another given name is another person
      if (otherGivenName(c, i, m.end, e)) continue;
      // "the Kenya Red Cross", "le Croissant-Rouge turc": another country's own body, named with its country
      if (e.nationalBranches) {
        const before = otherCountryAt(c, i - 1, e.country);
        // after it: a demonym where modifiers follow ("turc"), a country's name anywhere ("Amnesty Kenya")
        const after = !before && (c.modifiersAfter || countryNameAt(c, m.end)) ? otherCountryAt(c, m.end, e.country) : null;
        if (before || after) {
          const s0 = before ? i - 1 : i;
          const s1 = after ? m.end + 1 : m.end;
          const text = c.text.slice(c.units[s0].start, c.units[s1 - 1].end);
          push(c, s0, s1, { id: `org:${slug(text)}`, name: text, kind: 'organization', country: before ?? after }, 'dict.national-branch');
          i = s1 - 1;
          break;
        }
        // "the Red Crescent" in a report about Libya: the national body of the report's country, not Syria's
        // (a short alias, naming no country of its own, of an entry that has a country)
        const home = e.country ? (main ??= mainCountry(c.places)) : null;
        if (home && home !== e.country && !namesCountry(c, i, m.end)) {
          const text = c.text.slice(u[i].start, u[m.end - 1].end);
          push(c, i, m.end, { id: `org:${slug(text)}:${home}`, name: text, kind: 'organization', country: home }, 'dict.national-branch');
          i = m.end - 1;
          break;
        }
      }
      push(c, i, m.end, { id: e.id, name: e.name, kind: e.kind, country: e.country, ...(e.role ? { role: e.role } : {}) }, `dict.${e.source === 'hand' ? 'sitrep' : 'petrarch'}`);
      i = m.end - 1;
      break;
    }
  }
}

/** Whether the alias at units i..k, after an article or a locative preposition, and up to two more
 * capitalised words end in a building's head ("the Al-Aqsa Martyrs Hospital"; a headline's "Israel Strikes
 * Gaza Hospital" has neither before it). */
function facilityAfter(c: Ctx, i: number, k: number): boolean {
  const u = c.units;
  if (i === 0 || u[i - 1].sentence !== u[i].sentence || !(c.lex.definite.has(u[i - 1].key) || c.lex.locativePrepositions.has(u[i - 1].key))) return false;
  for (let j = k; j < u.length && j <= k + 2; j++) {
    if (!u[j].cap || u[j].start - u[j - 1].end > 1) return false;
    if (c.lex.facilityHeads.has(u[j].key)) return true;
  }
  return false;
}

/** Whether the place spans exactly start..end and the document makes that place a place by a cue or a
 * qualifier somewhere ("the town of Al Mayadeen ... Al Mayadeen has been under siege", "near Al Mayadeen"):
 * then an organisation of the same name ("Al Mayadeen" the broadcaster) is not read there. */
function cuedPlaceAt(c: Ctx, p: Analysis['places'][number], start: number, end: number): boolean {
  // (a place the gazetteer knows: "a big believer in Tesla" makes no place of the company)
  if (p.start !== start || p.end !== end || p.geonameId === null) return false;
  const same = (q: Analysis['places'][number]) => (p.geonameId !== null ? q.geonameId === p.geonameId : q.name === p.name);
  return c.places.some((q) => same(q) && (!!q.qualifier || q.evidence.some((e) => e.rule.startsWith('places.cue.'))));
}

/** Whether units i..end name a country (its name or demonym: "Syrian Arab Red Crescent"). */
function namesCountry(c: Ctx, i: number, end: number): boolean {
  for (let k = i; k < end; k++) if (c.placeAt[k] >= 0 || c.lex.demonyms.has(c.units[k].key)) return true;
  return false;
}

/** Whether unit k is the name of a country (one place mention covering it). */
function countryNameAt(c: Ctx, k: number): boolean {
  const p = k < c.units.length && c.placeAt[k] >= 0 ? c.places[c.placeAt[k]] : null;
  return !!p && p.kind === 'country' && p.start === c.units[k].start && p.end === c.units[k].end;
}

/** The country of unit k when it is a one-word country name or demonym of a country other than `own` ("Kenya",
 * "Turkish", "turc"); null otherwise. */
function otherCountryAt(c: Ctx, k: number, own: string | null): string | null {
  const u = c.units;
  if (k < 0 || k >= u.length || !u[k].key || c.taken[k]) return null;
  const p = c.placeAt[k] >= 0 ? c.places[c.placeAt[k]] : null;
  const cc = p && p.kind === 'country' && p.start === u[k].start && p.end === u[k].end ? p.country : c.lex.demonyms.get(u[k].key);
  return cc && cc !== own ? cc : null;
}

// ---------- 11. antecedents for repeated dictionary actors; places inside organisations ----------
function linkRepeats(actors: Actor[]) {
  // "Dr Lopez", "Mr. Lopez" after "Maria Lopez": the short form takes the full name
  const full = new Map<string, Actor>();
  for (const a of actors) {
    if (a.kind !== 'person') continue;
    const parts = a.name.split(/\s+/);
    const last = parts[parts.length - 1].toLowerCase();
    if (parts.length >= 2) {
      if (!full.has(last)) full.set(last, a);
    } else if (!a.antecedent && a.evidence[0].rule === 'actors.title-name') {
      const f = full.get(last);
      if (f) Object.assign(a, { id: f.id, name: f.name, antecedent: { start: f.start, end: f.end } });
    }
  }
  const first = new Map<string, Actor>();
  for (const a of actors) {
    if (a.generic) continue;
    const f = first.get(a.id);
    if (!f) first.set(a.id, a);
    else if (!a.antecedent && f.text !== a.text) a.antecedent = { start: f.start, end: f.end };
  }
}

const LOWER = /\p{Ll}/u;

function dropPlacesInsideNames(a: Analysis, text: string) {
  const named = a.actors.filter((x) => (x.kind === 'organization' || (x.kind === 'group' && !x.generic && !x.id.startsWith('forces:'))) && x.end - x.start > 0);
  if (!named.length || !a.places.length) return;
  a.places = a.places.filter((p) => {
    for (const x of named) {
      // a name our own dictionary holds as an organisation is that organisation, though a place bears it too
      // ("told Al Jazeera", "Al Mayadeen television"; with a cue of place the dictionary step left it to the
      // places stage); a country or a capital standing for its state stays
      if (p.start === x.start && p.end === x.end && x.kind === 'organization' && x.evidence[0].rule === 'actors.dict.sitrep' && p.kind !== 'country' && p.featureCode !== 'PPLC') return false;
      // ("The US has indicated": a country standing for its state stays a place, past the article of its actor, a
      // state acting: a record of its own only where the article names it nowhere else, publishedPlaces)
      if (p.end === x.end && x.evidence[0].rule === 'actors.government') {
        if (!isStateUse(p)) p.evidence.push({ rule: STATE_RULE, span: { start: x.start, end: x.end } });
        continue;
      }
      if (p.start >= x.start && p.end <= x.end && (p.start > x.start || p.end < x.end)) {
        // "Britain-based", "US-led", "US-Russian": a place in a compound stays a place; but "Croix" of the
        // dictionary's "Croix-Rouge" is no place
        if (text[p.end] === '-' && (LOWER.test(text[p.end + 1] ?? '') || p.kind === 'country' || !x.evidence[0].rule.startsWith('actors.dict'))) return true;
        return false;
      }
    }
    return true;
  });
}

export function findActors(a: Analysis, lex: ActorLexicon): Actor[] {
  const text = a.document.text;
  const units = toUnits(a.tokens);
  const placeAt = new Int32Array(units.length).fill(-1);
  if (a.places.length) {
    const ps = a.places;
    let p = 0;
    const sorted = ps.map((x, k) => [x.start, x.end, k] as const).sort((x, y) => x[0] - y[0]);
    for (let i = 0; i < units.length; i++) {
      while (p < sorted.length && sorted[p][1] <= units[i].start) p++;
      for (let q = p; q < sorted.length && sorted[q][0] <= units[i].start; q++) {
        if (sorted[q][1] >= units[i].end && units[i].key) {
          placeAt[i] = sorted[q][2];
          break;
        }
      }
    }
  }
  const c: Ctx = { text, units, taken: new Uint8Array(units.length), actors: [], lex, places: a.places, placeAt, first: unitMasks(units, lex), modifiersAfter: languageOf(a).adjectivesFollowNouns };
  dictionary(c);
  titled(c);
  forces(c);
  const surnames = new Map<string, Actor>();
  for (const x of [...c.actors].sort((p, q) => p.start - q.start)) {
    if (x.kind !== 'person') continue;
    const parts = x.name.split(/\s+/);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1].replace(c.lex.surnamePrefix, '').toLowerCase();
    const key = parts[parts.length - 1].toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '');
    for (const k of [key, last, ...key.split('-').slice(-1)]) if (!surnames.has(k)) surnames.set(k, x);
  }
  names(c, surnames);
  earlierFullNames(c);
  generics(c);
  roleCoref(c);
  loneTitles(c);
  governments(c);
  populations(c);
  bracketAcronyms(c);
  pronouns(c);
  c.actors.sort((x, y) => x.start - y.start || y.end - x.end);
  linkRepeats(c.actors);
  return c.actors;
}

export const actorsStage: Stage = {
  name: 'actors',
  requires: ['sentences', 'tokens', 'places'],
  assigns: ['actors', 'places'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('actors.lexicon'), () => loadActorLexicon(L));
    a.actors = findActors(a, lex);
    dropPlacesInsideNames(a, a.document.text);
  },
};
