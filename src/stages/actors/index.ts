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
import type { Actor, ActorKind, Analysis, Place, Span } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadActorLexicon, type ActorLexicon, type DictActor } from './lexicon.js';
import { normKey, toUnits, type Unit } from './units.js';
import { languageOf } from '../../lang/index.js';

export { loadActorLexicon } from './lexicon.js';

const SMALL = new Set(['the', 'of', 'for', 'and', 'in', 'on', 'to', 'al', 'el', 'de', 'a', 'an', 'at', 's', 'bin', 'ibn', 'ad', 'as', 'ash', 'ar', 'az', 'wal', 'la', 'du', 'des', 'del']);

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

interface Ctx {
  text: string;
  units: Unit[];
  taken: Uint8Array;
  actors: Actor[];
  lex: ActorLexicon;
  places: Place[];
  /** unit index → place covering it */
  placeAt: Int32Array;
}

function caseOk(u: Unit[], i: number, end: number, e: DictActor): boolean {
  if (e.caseMode === 'exact') {
    for (let j = i; j < end; j++) if (!u[j].upper && !/^\d/.test(u[j].text)) return false;
    return true;
  }
  // first content word capitalised; petrarch entries: every content word capitalised
  let seen = false;
  for (let j = i; j < end; j++) {
    if (SMALL.has(u[j].key) && end - i > 1) continue;
    if (!u[j].cap) {
      if (!seen || e.source === 'petrarch') return false;
    }
    seen = true;
  }
  return seen;
}

function span(u: Unit[], i: number, end: number): Span {
  return { start: u[i].start, end: u[end - 1].end };
}

function push(c: Ctx, i: number, end: number, a: Omit<Actor, 'start' | 'end' | 'text' | 'evidence'>, rule: string): Actor {
  const sp = span(c.units, i, end);
  const actor: Actor = { start: sp.start, end: sp.end, text: c.text.slice(sp.start, sp.end), ...a, evidence: [{ rule: `actors.${rule}`, span: sp }] };
  for (let j = i; j < end; j++) c.taken[j] = 1;
  c.actors.push(actor);
  return actor;
}

// ---------- 1. dictionary ----------
function dictionary(c: Ctx) {
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i] || !c.lex.dict.has(u[i].key)) continue;
    for (const m of c.lex.dict.matchesAt(u, i)) {
      if (!caseOk(u, i, m.end, m.value)) continue;
      const e = m.value;
      // a lone one-word person alias that is exactly a place ("Erbil") belongs to the places stage
      if (e.kind !== 'organization' && m.end - i === 1 && c.placeAt[i] >= 0 && e.source === 'petrarch') continue;
      push(c, i, m.end, { id: e.id, name: e.name, kind: e.kind, country: e.country, ...(e.role ? { role: e.role } : {}) }, `dict.${e.source === 'hand' ? 'sitrep' : 'petrarch'}`);
      i = m.end - 1;
      break;
    }
  }
}

// ---------- name runs ----------
/** End (exclusive) of a capitalised name run starting at i (particles allowed inside), max 5 words. */
function nameRun(c: Ctx, i: number, max = 5): number {
  const u = c.units;
  let j = i;
  let words = 0;
  while (j < u.length && words < max) {
    const x = u[j];
    if (!x.key || c.taken[j]) break;
    const monthInName = words > 0 && c.lex.months.has(x.key) && c.lex.givenNames.has(u[j - 1].key);
    if (x.cap && !/^\d/.test(x.text) && ((!c.lex.notNames.has(x.key) && !c.lex.speechVerbs.has(x.key)) || monthInName)) {
      j++;
      words++;
      continue;
    }
    // a lower-case piece hyphened to the name ("Kim Jong-un", "Abdel-ilah") is part of it
    if (words > 0 && !x.cap && x.token === u[j - 1].token && /^\p{Ll}+$/u.test(x.text) && !c.taken[j]) {
      j++;
      continue;
    }
    // particle inside a name ("Staffan de Mistura", "Abu Bakr al-Baghdadi") when a capitalised word follows
    // short Arabic articles only when hyphenated ("ad-Din", not "Heritage Site at Palmyra")
    const hyphenOnly = x.key.length <= 3 && /^(at|as|ad|ar|az|ash|an|ud|ul)$/.test(x.key) && c.text[x.end] !== '-';
    if (words > 0 && !hyphenOnly && c.lex.particles.has(x.key) && j + 1 < u.length && ((u[j + 1].cap && u[j + 1].key && !c.taken[j + 1]) || (c.lex.particles.has(u[j + 1].key) && j + 2 < u.length && u[j + 2].cap && !c.taken[j + 2]))) {
      j++;
      continue;
    }
    break;
  }
  return words ? j : i;
}

function demonymAt(c: Ctx, i: number): { end: number; country: string } | null {
  const u = c.units;
  if (!u[i].key || !u[i].cap) return null;
  // two-word demonyms first ("Saudi Arabian")
  if (i + 1 < u.length && u[i + 1].key) {
    const two = c.lex.demonyms.get(`${u[i].key} ${u[i + 1].key}`);
    if (two) return { end: i + 2, country: two };
  }
  const one = c.lex.demonyms.get(u[i].key);
  if (one) return { end: i + 1, country: one };
  // a country's possessive ("Syria's army", "Syrias army")
  const cn = c.lex.countryNames.get(u[i].key);
  if (cn && i + 1 < u.length && u[i + 1].key === 's') return { end: i + 2, country: cn };
  if (u[i].key.endsWith('s')) {
    const cn2 = c.lex.countryNames.get(u[i].key.slice(0, -1));
    if (cn2) return { end: i + 1, country: cn2 };
  }
  return null;
}

// ---------- 2. title + name ----------
function titled(c: Ctx) {
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i]) continue;
    let j = i;
    let country: string | null = null;
    const d = demonymAt(c, i);
    if (d) {
      country = d.country;
      j = d.end;
    }
    if (j >= u.length || c.taken[j]) continue;
    const t = c.lex.titles.longestAt(u, j);
    if (!t) {
      continue;
    }
    const titleCap = u[j].cap;
    let k = t.end;
    // a dictionary person right after the title: give it the role
    const next = c.actors.find((a) => a.kind === 'person' && a.start === u[k]?.start);
    if (next) {
      next.role = next.role ?? c.text.slice(u[j].start, u[t.end - 1].end);
      if (country && !next.country) next.country = country;
      continue;
    }
    const end = nameRun(c, k, 4);
    if (end === k) continue;
    // a lowercase role title ("spokesman") needs a two-word name; a capitalised one takes one word
    if (!titleCap && end - k < 2) continue;
    // the name must not be an organisation or a place
    if (isOrgRun(c, k, end)) continue;
    if (end - k === 1 && c.placeAt[k] >= 0) continue;
    if (c.lex.placeHeads.has(u[end - 1].key)) continue;
    const name = c.text.slice(u[k].start, u[end - 1].end);
    const role = c.text.slice(u[j].start, u[t.end - 1].end);
    // "Mr", "Dr": honorifics are not roles
    const honorific = /^(mr|mrs|ms|miss|dr|prof|sir|dame)\.?$/i.test(role);
    push(c, d ? i : j, end, { id: `person:${slug(name)}`, name, kind: 'person', country, ...(honorific ? {} : { role }) }, 'title-name');
    i = end - 1;
  }
}

function isOrgRun(c: Ctx, i: number, end: number): boolean {
  const u = c.units;
  for (let j = i; j < end; j++) if (c.lex.orgHeads.has(u[j].key) && u[j].cap) return true;
  return !!c.lex.orgLeads.longestAt(u, i);
}

// ---------- 3. demonym / side word + force noun ----------
function forces(c: Ctx) {
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i]) continue;
    let j = i;
    let country: string | null = null;
    let sides = 0;
    for (;;) {
      if (j >= u.length || c.taken[j] || !u[j].key) break;
      const d = demonymAt(c, j);
      if (d) {
        country = country ?? d.country;
        j = d.end;
        sides++;
      } else {
        const s = c.lex.sides.longestAt(u, j);
        if (s && !(s.end - j === 1 && c.lex.forces.longestAt(u, j) && !c.lex.forces.longestAt(u, s.end))) {
          j = s.end;
          sides++;
        } else break;
      }
      // "Russian and Syrian warplanes"
      if (j + 1 < u.length && u[j].key === 'and' && demonymAt(c, j + 1)) j++;
    }
    if (!sides || j >= u.length || c.taken[j]) continue;
    const f = c.lex.forces.longestAt(u, j);
    if (!f) continue;
    let end = f.end;
    // "Syrian government forces": keep taking force nouns
    for (let g = c.lex.forces.longestAt(u, end); g && !c.taken[end]; g = c.lex.forces.longestAt(u, end)) end = g.end;
    // "Syria's official news agency", "a Syrian military source": the force word is a modifier here
    const next = end < u.length ? u[end] : null;
    if (next && next.key && !next.cap && (c.lex.roleNouns.has(next.key) || /^(news|agency|media|sources|court|hospital|television|tv|radio|website|channel|spokesman|spokeswoman|spokesperson|statement|plane|convoy|base|airport|vehicle|vehicles|operation|operations|campaign|offensive|position|positions|checkpoint|prison)$/.test(next.key))) continue;
    const head = c.text.slice(u[j].start, u[end - 1].end).toLowerCase();
    const name = c.text.slice(u[i].start, u[end - 1].end);
    const plural = /s$/.test(head) || /\b(police|military|army|government|regime|authorities|intelligence|artillery|media)\b/.test(head);
    const kind: ActorKind = 'group';
    const generic = !country;
    const id = country ? `forces:${country}:${slug(head)}` : `generic:${slug(name)}`;
    push(c, i, end, { id, name, kind, country, ...(generic ? { generic: true } : {}), ...(plural ? {} : { role: head }) }, country ? 'forces.demonym' : 'forces.side');
    i = end - 1;
  }
}

// ---------- 4. name shapes ----------
function names(c: Ctx, surnames: Map<string, Actor>) {
  const u = c.units;
  const lex = c.lex;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i] || !u[i].cap) continue;
    let s = i;
    // leading demonym is a nationality, not part of the name
    const d = demonymAt(c, s);
    if (d && d.end < u.length && u[d.end].cap) s = d.end;
    const end = nameRun(c, s, 5);
    if (end === s) continue;
    let a = s;
    // a sentence-opening common word ("Residents", "Police") is not part of a name
    const first = u[a];
    const sentenceStart = a === 0 || !u[a - 1].key || u[a - 1].sentence !== first.sentence;
    if (sentenceStart && (lex.roleNouns.has(first.key) || lex.generic.has(first.key) || lex.forces.has(first.key))) a++;
    if (a >= end) continue;
    // a party tag ("D-Ohio", "R-Texas"): one letter joined to a place
    if (u[a].text.length === 1 && c.text[u[a].end] === '-') {
      i = end - 1;
      continue;
    }
    const n = end - a;
    // whole run is one place → the places stage has it
    const pl = c.placeAt[a];
    if (pl >= 0 && c.places[pl].end >= u[end - 1].end && c.places[pl].start <= u[a].start) {
      i = end - 1;
      continue;
    }
    const before = a > 0 ? u[a - 1] : null;
    const after = end < u.length ? u[end] : null;
    let nearVerb = (after && lex.speechVerbs.has(after.key)) || (before && (before.key === 'said' || before.key === 'says' || before.key === 'told'));
    // "Yuni, a resident of Lampung, ...", "Omar Saleh, 34, ...": an apposition describing a person
    if (!nearVerb && pl < 0) {
      const tail = c.text.slice(u[end - 1].end, u[end - 1].end + 110);
      const app = APPOSITION.exec(tail);
      if (app && (app[1] || (app[2] && (!ORG_APPOSITION.test(app[2]) || roleHeaded(c, app[2]))))) nearVerb = true;
      // ", marketing executive at X,", ", the board's chair,", ", Minister of Y,": a role before any preposition
      else if (!app && n >= 2) {
        const bare = BARE_APPOSITION.exec(tail);
        if (bare && roleHeaded(c, bare[1])) nearVerb = true;
      }
    }
    // an acronym inside an unknown name ("BC Hydro") marks an organisation
    let isOrg = isOrgRun(c, a, end) || (n >= 2 && !lex.givenNames.has(u[a].key) && u.slice(a, end).some((x) => x.upper && x.text.length >= 2));
    const text = c.text.slice(u[a].start, u[end - 1].end);
    if (!isOrg && lex.placeHeads.has(u[end - 1].key)) {
      i = end - 1;
      continue;
    }
    void isOrg;
    if (isOrg && n >= 2) {
      push(c, a, end, { id: `org:${slug(text)}`, name: text, kind: 'organization' }, 'name.org-head');
    } else if (n >= 2 && n <= 4 && !isOrg && (lex.givenNames.has(u[a].key) || nearVerb || surnames.has(u[end - 1].key))) {
      const prev = surnames.get(u[end - 1].key);
      // the same person again, or a shorter form of an earlier full name ("Al Hashish" after "Fouzia Al Hashish")
      const sameAsPrev = prev && (prev.name === text || prev.name.endsWith(' ' + text));
      const act = push(
        c,
        a,
        end,
        { id: prev && sameAsPrev ? prev.id : `person:${slug(text)}`, name: prev && sameAsPrev ? prev.name : text, kind: 'person', ...(prev && sameAsPrev ? { antecedent: { start: prev.start, end: prev.end } } : {}) },
        lex.givenNames.has(u[a].key) ? 'name.given-name' : nearVerb ? 'name.speaker' : 'name.surname',
      );
      if (!surnames.has(u[end - 1].key)) surnames.set(u[end - 1].key, act);
    } else if (n === 1 && !isOrg) {
      const prev = surnames.get(u[a].key);
      if (prev) {
        push(c, a, end, { id: prev.id, name: prev.name, kind: 'person', ...(prev.role ? { role: prev.role } : {}), antecedent: { start: prev.start, end: prev.end } }, 'coref.surname');
      } else if (nearVerb && !lex.roleNouns.has(u[a].key) && !lex.generic.has(u[a].key) && pl < 0 && u[a].text.length > 2 && !sentenceStartCommon(c, a)) {
        // "NATO", "MaRS", "TransLink": capitals inside the word mark an organisation
        const orgShape = u[a].upper || /\p{Ll}\p{Lu}/u.test(u[a].text);
        const act = push(c, a, end, { id: `person:${slug(text)}`, name: text, kind: orgShape ? 'organization' : 'person' }, 'name.speaker');
        if (act.kind === 'person') surnames.set(u[a].key, act);
      }
    }
    i = end - 1;
  }
}

// ---------- 4b. a full name written before the short form that made it known ----------
/**
 * "Home bakers know Dorie Greenspan ... Greenspan says": the surname was learnt from "Greenspan says",
 * after the full name had been passed over. A run of two or three capitalised words ending in that
 * surname, before its first mention, is the same person; the short forms take the full name.
 */
function earlierFullNames(c: Ctx) {
  const u = c.units;
  const lone = new Map<string, Actor[]>();
  for (const a of c.actors) {
    if (a.kind !== 'person' || a.evidence[0].rule !== 'actors.name.speaker' || a.name.includes(' ')) continue;
    const k = normKey(a.name);
    const l = lone.get(k) ?? [];
    l.push(a);
    lone.set(k, l);
  }
  if (!lone.size) return;
  for (let i = 0; i < u.length; i++) {
    const short = lone.get(u[i].key);
    if (!short || c.taken[i] || !u[i].cap || i === 0) continue;
    let s = i;
    while (s - 1 >= 0 && i - s < 2 && u[s - 1].key && u[s - 1].cap && !c.taken[s - 1] && !c.lex.notNames.has(u[s - 1].key) && !c.lex.speechVerbs.has(u[s - 1].key) && c.placeAt[s - 1] < 0 && u[s - 1].sentence === u[i].sentence) s--;
    if (s === i || isOrgRun(c, s, i + 1)) continue;
    // a sentence-opening common word is not a given name
    if ((s === 0 || !u[s - 1].key) && (c.lex.roleNouns.has(u[s].key) || c.lex.generic.has(u[s].key))) continue;
    const name = c.text.slice(u[s].start, u[i].end);
    const act = push(c, s, i + 1, { id: `person:${slug(name)}`, name, kind: 'person' }, 'name.earlier-full');
    for (const a of short) if (a.start > act.start && a.id !== act.id) Object.assign(a, { id: act.id, name: act.name, antecedent: { start: act.start, end: act.end } });
    lone.delete(u[i].key);
  }
}

// ", 34," (an age) or ", a/an/the <description>," after a name
const APPOSITION = /^,\s+(?:(\d{1,3})[,.]|(?:a|an|the)\s+(\p{Ll}[\p{L}\d'’-]*(?:\s+[\p{L}\d'’-]+){0,7}?)(?=[,.]))/u;
// ", <description>," with no article ("marketing executive at LG Electronics", "Minister of Finance")
const BARE_APPOSITION = /^,\s+([\p{L}][\p{L}\d'’.-]*(?:\s+[\p{L}\d'’.&-]+){0,9}?)(?=[,.])/u;
// where a description's head ends: a preposition or a relative word
const HEAD_END = /^(of|at|for|with|in|from|on|who|that|which|whose|to|and|since|until)$/;

/** Does the description (before its first preposition) hold a role noun or a title ("the board's chair")? */
function roleHeaded(c: Ctx, desc: string): boolean {
  const words = desc.split(/\s+/);
  for (let k = 0; k < words.length && k < 6; k++) {
    const w = words[k].toLowerCase().replace(/['’]s$/, '');
    if (HEAD_END.test(w)) return false;
    // "the board's chair": an organisation word is a modifier here, not the head
    if (ORG_APPOSITION.test(w) || /s$/.test(w)) continue;
    if (c.lex.roleNouns.has(w) || c.lex.titleWords.has(w)) return true;
  }
  return false;
}
const ORG_APPOSITION = /\b(agency|group|organi[sz]ation|company|firm|charity|network|centre|center|party|union|ministry|department|council|committee|city|town|village|province|country|region|district|area|camp|hospital|school|university|station|channel|newspaper|site|website|company|coalition|alliance|militia|movement|force|army|faction|brigade|battalion|company|bank|fund|body|board|watchdog|monitor|outlet|service)s?\b/;

function sentenceStartCommon(c: Ctx, i: number): boolean {
  const u = c.units;
  const start = i === 0 || !u[i - 1].key || u[i - 1].sentence !== u[i].sentence;
  return start && c.lex.notNames.has(u[i].key);
}

// ---------- 5. generic agents ----------
function generics(c: Ctx) {
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i]) continue;
    const g = c.lex.generic.longestAt(u, i);
    if (!g) continue;
    let ok = true;
    for (let j = i; j < g.end; j++) if (c.taken[j]) ok = false;
    if (!ok) continue;
    const text = c.text.slice(u[i].start, u[g.end - 1].end);
    push(c, i, g.end, { id: `generic:${slug(g.value)}`, name: g.value, kind: 'group', generic: true }, 'generic');
    void text;
    i = g.end - 1;
  }
}

// ---------- 6. "the minister" → the last person with that role ----------
function roleCoref(c: Ctx) {
  const u = c.units;
  const persons = c.actors.filter((a) => a.kind === 'person' && a.role).sort((x, y) => x.start - y.start);
  if (!persons.length) return;
  // the last person before the current unit, by the last word of the role: the persons are read
  // once, in text order, as the units advance (a scan of every person per "the minister" was quadratic)
  const lastByHead = new Map<string, Actor>();
  let read = 0;
  for (let i = 0; i + 1 < u.length; i++) {
    if (u[i].key !== 'the' || c.taken[i + 1] || !u[i + 1].key) continue;
    const w = u[i + 1].key;
    if (!c.lex.roleNouns.has(w)) continue;
    // also "the foreign minister": one modifier
    let end = i + 2;
    let head = w;
    if (end < u.length && u[end].key && !c.taken[end] && c.lex.roleNouns.has(u[end].key)) {
      head = u[end].key;
      end++;
    }
    for (; read < persons.length && persons[read].start < u[i].start; read++) lastByHead.set(roleHead(persons[read])!, persons[read]);
    const best = lastByHead.get(head);
    if (!best) continue;
    push(c, i, end, { id: best.id, name: best.name, kind: 'person', role: best.role, ...(best.country ? { country: best.country } : {}), antecedent: { start: best.start, end: best.end } }, 'coref.role');
    i = end - 1;
  }
}

// ---------- 7. "the Foreign Secretary", "Prime Minister": a title standing for its holder ----------
const LONE_TITLES = new Set(['president', 'minister', 'secretary', 'ambassador', 'chancellor', 'governor', 'mayor', 'premier', 'commissioner', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson']);
function loneTitles(c: Ctx) {
  const u = c.units;
  const antecedents = new RoleIndex(c.actors);
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i]) continue;
    const the = u[i].key === 'the';
    const j = the ? i + 1 : i;
    if (j >= u.length || c.taken[j] || !u[j].cap) continue;
    const t = c.lex.titles.longestAt(u, j);
    if (!t) continue;
    const n = t.end - j;
    if (n === 1 && !(the && LONE_TITLES.has(u[j].key))) continue;
    let end = t.end;
    for (let k = j; k < end; k++) if (c.taken[k]) end = -1;
    if (end < 0) continue;
    // a title before a name is the title-name extractor's ("Foreign Minister Mevlut Cavusoglu")
    if (end < u.length && u[end].key && (u[end].cap || c.taken[end])) continue;
    // "Minister for the Middle East", "Secretary of State for Defence": a capitalised remit
    if (end + 1 < u.length && (u[end].key === 'for' || u[end].key === 'of')) {
      const r0 = u[end + 1].key === 'the' ? end + 2 : end + 1;
      if (r0 < u.length && u[r0].cap && !c.taken[r0]) {
        const r = nameRun(c, r0, 4);
        if (r > r0) end = r;
      }
    }
    const role = c.text.slice(u[j].start, u[end - 1].end);
    const last = role.toLowerCase().split(/\s+/).pop();
    const ante = antecedents.before(last ?? '', u[i].start);
    antecedents.add(push(c, i, end, ante ? { id: ante.id, name: ante.name, kind: 'person', role, antecedent: { start: ante.start, end: ante.end } } : { id: `role:${slug(role)}`, name: role, kind: 'person', role }, 'title.alone'));
    i = end - 1;
  }
}

const roleHead = (a: Actor) => (a.kind === 'person' && a.role ? a.role.toLowerCase().split(/\s+/).pop() : undefined);

/**
 * The antecedent of a lone title: of the persons whose role ends in the same word and who start
 * before it, the one found last. Asked with offsets in text order, so each list is read once (a scan
 * of every actor per title was quadratic on a text full of titles).
 */
class RoleIndex {
  private readonly byHead = new Map<string, { sorted: { a: Actor; n: number }[]; p: number; best: { a: Actor; n: number } | null; fresh: Actor | null }>();

  constructor(actors: readonly Actor[]) {
    actors.forEach((a, n) => {
      const h = roleHead(a);
      if (h === undefined) return;
      let e = this.byHead.get(h);
      if (!e) this.byHead.set(h, (e = { sorted: [], p: 0, best: null, fresh: null }));
      e.sorted.push({ a, n });
    });
    for (const e of this.byHead.values()) e.sorted.sort((x, y) => x.a.start - y.a.start);
  }

  /** Offsets must not decrease from one call to the next. */
  before(head: string, offset: number): Actor | null {
    const e = this.byHead.get(head);
    if (!e) return null;
    if (e.fresh) return e.fresh;
    while (e.p < e.sorted.length && e.sorted[e.p].a.start < offset) {
      if (!e.best || e.sorted[e.p].n > e.best.n) e.best = e.sorted[e.p];
      e.p++;
    }
    return e.best?.a ?? null;
  }

  /** An actor found after the index was built, before every later offset asked. */
  add(a: Actor): void {
    const h = roleHead(a);
    if (h === undefined) return;
    const e = this.byHead.get(h);
    if (e) e.fresh = a;
    else this.byHead.set(h, { sorted: [], p: 0, best: null, fresh: a });
  }
}

/** Index of the first unit starting at or after offset (binary search), or -1. */
function unitAt(u: Unit[], offset: number): number {
  let lo = 0;
  let hi = u.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (u[m].start < offset) lo = m + 1;
    else hi = m;
  }
  return lo < u.length ? lo : -1;
}

// ---------- 8. pronouns (with their antecedent when one is near) ----------
function pronouns(c: Ctx) {
  const u = c.units;
  const sorted = [...c.actors].sort((x, y) => x.start - y.start);
  let sp = 0;
  let lastPerson: Actor | null = null;
  let lastOther: Actor | null = null;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i]) continue;
    const kind = c.lex.pronounActors.get(u[i].key);
    if (!kind) continue;
    if (u[i].key === 'i' && u[i].text !== 'I') continue;
    if (u[i].key === 'us' && u[i].text === 'US') continue;
    const at = u[i].start;
    const sent = u[i].sentence;
    let ante: Actor | null = null;
    const plural = kind === 'group';
    const first = /^(i|me|my|myself|we|us|our|ours|ourselves)$/.test(u[i].key);
    // sweep the actors up to this pronoun once (pronouns come in text order)
    while (sp < sorted.length && sorted[sp].start < at) {
      const a = sorted[sp++];
      if (a.kind === 'person') lastPerson = a;
      else lastOther = a;
    }
    if (!first) {
      ante = plural ? lastOther : lastPerson;
      // near: same or previous two sentences
      if (ante) {
        const au = unitAt(c.units, ante.start);
        if (au >= 0 && sent - u[au].sentence > 2) ante = null;
      }
      // "they" with nothing near is not unambiguous
      if (plural && !ante) continue;
    }
    const text = u[i].text;
    push(c, i, i + 1, ante ? { id: ante.id, name: ante.name, kind, antecedent: { start: ante.start, end: ante.end }, ...(ante.generic ? { generic: true } : {}) } : { id: `pronoun:${u[i].key}`, name: text, kind }, 'pronoun');
  }
}

// ---------- 9. a country acting as its government ("Turkey said", "France has") ----------
function governments(c: Ctx) {
  const u = c.units;
  for (const p of c.places) {
    if (p.kind !== 'country' || !p.country) continue;
    let i = unitAt(c.units, p.start);
    if (i < 0 || u[i].start !== p.start || c.taken[i]) continue;
    let e = i;
    while (e < u.length && u[e].end <= p.end && u[e].key) e++;
    if (e >= u.length || !c.lex.governmentVerbs.has(u[e].key)) continue;
    if (i > 0 && u[i - 1].key === 'the') i--;
    push(c, i, e, { id: `gov:${p.country}`, name: p.name, kind: 'organization', country: p.country }, 'government');
  }
}

// ---------- 10. plural demonyms as populations ("Syrians", "Kurds") ----------
function populations(c: Ctx) {
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i] || !u[i].cap || !u[i].key.endsWith('s')) continue;
    const k = u[i].key;
    const cc = c.lex.demonyms.get(k.slice(0, -1)) ?? (k.endsWith('ns') ? undefined : undefined);
    if (!cc) continue;
    push(c, i, i + 1, { id: `population:${cc}`, name: u[i].text, kind: 'group', country: cc, generic: true }, 'population');
  }
}

// ---------- 10b. acronyms defined in brackets: "Export Development Canada (EDC)" → later "EDC" ----------
function bracketAcronyms(c: Ctx) {
  const text = c.text;
  // an unknown name whose initials spell the bracketed acronym is an organisation
  const u0 = c.units;
  for (let i = 0; i < u0.length; i++) {
    if (!u0[i].cap || c.taken[i] || text[u0[i].end] === '-') continue;
    const m = /^\s*\(([A-Z][A-Z&]{1,8})\)/.exec(text.slice(u0[i].end, u0[i].end + 14));
    if (!m) continue;
    const acr = m[1].replace(/&/g, '');
    let s = i;
    let caps = 1;
    while (s - 1 >= 0 && !c.taken[s - 1] && u0[s - 1].key && u0[s - 1].sentence === u0[i].sentence && i - s < 9) {
      const w = u0[s - 1];
      if (w.cap) caps++;
      else if (!/^(of|for|and|the|on|in|de|du|des|al)$/.test(w.key)) break;
      s--;
      if (caps >= acr.length) break;
    }
    while (s < i && !u0[s].cap) s++;
    const initials = u0.slice(s, i + 1).filter((x) => x.cap).map((x) => x.text[0].toUpperCase()).join('');
    if (initials !== acr || i - s < 1) continue;
    const name = text.slice(u0[s].start, u0[i].end);
    push(c, s, i + 1, { id: `org:${slug(name)}`, name, kind: 'organization' }, 'name.acronym-defined');
  }
  const byStart = new Map<number, Actor>();
  for (const a of c.actors) byStart.set(a.start, a);
  const defs = new Map<string, Actor>();
  for (const a of c.actors) {
    if (a.kind === 'person' || a.generic || a.text.split(/\s+/).length < 2) continue;
    const m = /^\s*\(([A-Z][A-Za-z0-9&.-]{1,9})\)/.exec(text.slice(a.end, a.end + 16));
    if (!m || !/^[A-Z0-9&.-]+$/.test(m[1].replace(/[a-z]/g, '')) || (m[1].match(/[A-Z]/g) ?? []).length < 2) continue;
    if (!defs.has(m[1])) defs.set(m[1], a);
    // the bracketed acronym itself
    const at = a.end + m[0].indexOf(m[1]);
    const inside = byStart.get(at);
    if (inside && inside.id !== a.id && !inside.evidence[0].rule.startsWith('actors.dict')) {
      Object.assign(inside, { id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, antecedent: { start: a.start, end: a.end } });
    }
  }
  if (!defs.size) return;
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i] || !u[i].upper) continue;
    const a = defs.get(u[i].text);
    if (!a || u[i].start <= a.start) continue;
    push(c, i, i + 1, { id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, antecedent: { start: a.start, end: a.end } }, 'coref.acronym');
  }
  // mentions found earlier as unknown names ("EDC said")
  for (const x of c.actors) {
    const a = defs.get(x.text);
    if (a && a !== x && x.start > a.start && !x.evidence[0].rule.startsWith('actors.dict') && x.id !== a.id) {
      Object.assign(x, { id: a.id, name: a.name, kind: a.kind, antecedent: { start: a.start, end: a.end } });
    }
  }
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

function dropPlacesInsideNames(a: Analysis, text: string) {
  const named = a.actors.filter((x) => (x.kind === 'organization' || (x.kind === 'group' && !x.generic && !x.id.startsWith('forces:'))) && x.end - x.start > 0);
  if (!named.length || !a.places.length) return;
  a.places = a.places.filter((p) => {
    for (const x of named) {
      if (p.start >= x.start && p.end <= x.end && (p.start > x.start || p.end < x.end)) {
        // "Britain-based", "US-led": a place in a compound stays a place
        if (text[p.end] === '-') return true;
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
  const c: Ctx = { text, units, taken: new Uint8Array(units.length), actors: [], lex, places: a.places, placeAt };
  dictionary(c);
  titled(c);
  forces(c);
  const surnames = new Map<string, Actor>();
  for (const x of [...c.actors].sort((p, q) => p.start - q.start)) {
    if (x.kind !== 'person') continue;
    const parts = x.name.split(/\s+/);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1].replace(/^(al|el|ad|as|ash|ar)-/i, '').toLowerCase();
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
