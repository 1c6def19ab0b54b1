// Extractors of names: a title before a name ("Foreign Minister X"), capitalised name runs (organisation
// heads, known given names, a name next to a reporting verb, a known surname), appositions, and earlier
// full names for a surname alone.
import type { Actor } from '../../core/types.js';
import { normKey } from './units.js';
import { type Ctx, push, slug, starts } from './context.js';
import { FIRST } from './first-words.js';
import { demonymAt } from './sides.js';
import { endsWithAny } from '../endings.js';

// ---------- name runs ----------
/** End (exclusive) of a capitalised name run starting at i (particles allowed inside), max 5 words. */
export function nameRun(c: Ctx, i: number, max = 5): number {
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
    // "People's Defence Force", "Women's Protection Units": the possessive of a word that names a body's members
    if (words > 0 && x.key === 's' && c.lex.possessiveNameWords.has(u[j - 1].key) && j + 1 < u.length && u[j + 1].cap && u[j + 1].key && !c.taken[j + 1]) {
      j++;
      continue;
    }
    // particle inside a name ("Staffan de Mistura", "Abu Bakr al-Baghdadi") when a capitalised word follows
    // short Arabic articles only when hyphenated ("ad-Din", not "Heritage Site at Palmyra")
    const hyphenOnly = c.lex.hyphenArticles.has(x.key) && c.text[x.end] !== '-';
    if (words > 0 && !hyphenOnly && c.lex.particles.has(x.key) && j + 1 < u.length && ((u[j + 1].cap && u[j + 1].key && !c.taken[j + 1]) || (c.lex.particles.has(u[j + 1].key) && j + 2 < u.length && u[j + 2].cap && !c.taken[j + 2]))) {
      j++;
      continue;
    }
    break;
  }
  return words ? j : i;
}

// ---------- 2. title + name ----------
export function titled(c: Ctx) {
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
    // "regional governor X", "deputy mayor X": lower-case modifiers of the title are part of the role
    const from = j;
    while (j < u.length && j < from + 2 && !u[j].cap && c.lex.titleModifiers.has(u[j].key) && !c.taken[j + 1]) j++;
    const titleAt = (k: number) => (k < u.length && starts(c, k, FIRST.titles) ? c.lex.titles.longestAt(u, k) : null);
    // (a modifier that is a title itself: "U.N. chief Ban Ki-moon")
    let t = titleAt(j);
    if (!t && j > from) t = titleAt((j = from));
    if (!t) continue;
    const titleCap = u[j].cap;
    // "Tal al-Sheikh Hussein": a title joined to an article before it is part of a place's or a family's name
    if (j > 0 && u[j - 1].end === u[j].start - 1 && c.lex.surnamePrefix.test(c.text.slice(u[j - 1].start, u[j].start))) continue;
    let k = t.end;
    // a dictionary person right after the title: give it the role
    const next = c.actors.find((a) => a.kind === 'person' && a.start === u[k]?.start);
    if (next) {
      next.role = next.role ?? c.text.slice(u[from].start, u[t.end - 1].end);
      if (country && !next.country) next.country = country;
      continue;
    }
    const end = nameRun(c, k, 4);
    if (end === k) continue;
    // a lowercase role title ("spokesman") needs a two-word name; a capitalised one takes one word
    if (!titleCap && end - k < 2) continue;
    // the name must not be an organisation or a place ("the Sheikh Maqsoud neighbourhood")
    if (isOrgRun(c, k, end)) continue;
    if (j > 0 && c.lex.definite.has(u[j - 1].key) && end < u.length && !u[end].cap && c.lex.placeCuesAfter.has(u[end].key)) continue;
    if (end - k === 1 && c.placeAt[k] >= 0) continue;
    if (c.lex.placeHeads.has(u[end - 1].key)) continue;
    const name = c.text.slice(u[k].start, u[end - 1].end);
    const role = c.text.slice(u[from].start, u[t.end - 1].end);
    // "Mr", "Dr": honorifics are not roles
    const honorific = c.lex.honorifics.has(role.toLowerCase().replace(/\.$/, ''));
    push(c, d ? i : from, end, { id: `person:${slug(name)}`, name, kind: 'person', country, ...(honorific ? {} : { role }) }, 'title-name');
    i = end - 1;
  }
}

export function isOrgRun(c: Ctx, i: number, end: number): boolean {
  const u = c.units;
  for (let j = i; j < end; j++) if (c.lex.orgHeads.has(u[j].key) && u[j].cap) return true;
  return starts(c, i, FIRST.orgLeads) && !!c.lex.orgLeads.longestAt(u, i);
}

/** One past "of/for (the) Name" after an organisation's head ending at `end`, or `end` when none follows. */
function remitEnd(c: Ctx, end: number): number {
  const u = c.units;
  if (end + 1 >= u.length || !c.lex.remitPrepositions.has(u[end].key) || u[end].sentence !== u[end - 1].sentence) return end;
  let k = end + 1;
  if (k < u.length && c.lex.definite.has(u[k].key) && !u[k].cap) k++;
  if (k >= u.length || !u[k].cap || c.taken[k] || u[k].sentence !== u[end].sentence) return end;
  const e = nameRun(c, k, 4);
  if (!(e > k) || titleCased(c, end)) return end;
  // "the Institute for the Study of War": a remit of its own after the first one's head
  return e - k <= 2 ? Math.max(e, remitEnd(c, e)) : e;
}

/** Is the sentence around unit k in title case ("Coalition Moves Toward Center Of X")? Capitals say nothing there:
 * hardly a lower-case word of four letters or more among a dozen on either side. */
function titleCased(c: Ctx, k: number): boolean {
  const u = c.units;
  const s = u[k].sentence;
  let caps = 0;
  let low = 0;
  for (let j = Math.max(0, k - 12); j < Math.min(u.length, k + 12); j++) {
    if (u[j].sentence !== s || !u[j].key || u[j].text.length < 4) continue;
    if (u[j].cap) caps++;
    else low++;
  }
  return caps >= 4 && low <= caps * 0.15;
}

/** Is the word of unit a a compound modifier ("US-made", "French-built"; compoundModifierEndings)? */
function compoundModifier(c: Ctx, a: number): boolean {
  const u = c.units;
  let k = a;
  while (k + 1 < u.length && u[k + 1].token === u[a].token) k++;
  const word = c.text.slice(u[a].start, u[k].end).toLowerCase();
  return c.lex.compoundModifierEndings.some((x) => word.endsWith(x));
}

// ---------- 4. name shapes ----------
export function names(c: Ctx, surnames: Map<string, Actor>) {
  const u = c.units;
  const lex = c.lex;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i] || !u[i].cap) continue;
    let s = i;
    // leading demonym is a nationality, not part of the name (a country's short name is: "US Geological Survey")
    const d = demonymAt(c, s);
    if (d && d.end < u.length && u[d.end].cap && !lex.shortNames.has(u[s].key)) s = d.end;
    const end = nameRun(c, s, 5);
    if (end === s) continue;
    let a = s;
    // a sentence-opening common word ("Residents", "Police") is not part of a name
    const first = u[a];
    const sentenceStart = a === 0 || !u[a - 1].key || u[a - 1].sentence !== first.sentence;
    if (sentenceStart && (lex.roleNouns.has(first.key) || starts(c, a, FIRST.generic) || starts(c, a, FIRST.forces))) a++;
    // a compound modifier of where a weapon was made opens no name ("a US-made HIMARS launcher")
    else if (a + 1 < end && u[a + 1].token === first.token && compoundModifier(c, a)) while (a < end && u[a].token === first.token) a++;
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
    // (past the perfect's auxiliary, "X a déclaré", and so past the comma closing an apposition, "le ministre,
    // X, a déclaré": without an auxiliary a name before a comma and a verb is often no speaker in English)
    let v = end;
    // (not a name after a locative preposition, past an article: "... à Pont-Sondé, a annoncé l'ONU", "dans l'État de
    // Kaduna, ont rapporté des habitants" end what was announced)
    const atPlace = !!before && (lex.locativePrepositions.has(before.key) || (lex.definite.has(before.key) && a >= 2 && lex.locativePrepositions.has(u[a - 2].key)));
    if (after && !after.key && c.text[after.start] === ',' && v + 2 < u.length && lex.speechAux.has(u[v + 1].key) && u[v + 1].sentence === after.sentence && !atPlace) v++;
    if (lex.speechAux.has(u[v]?.key ?? '') && v + 1 < u.length) v++;
    const verb = v < u.length ? u[v] : null;
    // ("The Jewish state responded", "Borno state": a verb form that is a noun after a name, unless "that" follows)
    const nounVerb = !!verb && lex.nounsAfterNames.has(verb.key) && v === end && !lex.that.has(u[v + 1]?.key ?? '');
    let nearVerb = (verb && lex.speechVerbs.has(verb.key) && !nounVerb) || (before && lex.speechVerbsBeforeName.has(before.key));
    // ("identified as 22-year-old Anderson Lee Aldrich": an age before the name)
    if (!nearVerb && n >= 2 && a >= 3 && /^\d/.test(u[a - 3].text) && lex.ageBeforeName.has(`${u[a - 2].key} ${u[a - 1].key}`)) nearVerb = true;
    // "Omar Saleh of the activist-run Aleppo Media Center said": a name, the body it speaks for, a reporting verb
    if (!nearVerb && n >= 2 && after && lex.affiliationPrepositions.has(after.key) && !u.slice(a, end).some((x) => lex.roleNouns.has(x.key))) nearVerb = bodyThenSpeech(c, end + 1, after.sentence);
    // "said its spokesman, Thameen Al-Kheetan, at ...", "sa porte-parole, X,": a name set off by commas after a role
    if (!nearVerb && n >= 2 && a >= 2 && !u[a - 1].key && c.text[u[a - 1].start] === ',' && roleEndsAt(c, a - 2) && (!after || after.sentence !== u[end - 1].sentence || (!after.key && (c.text[after.start] === ',' || c.text[after.start] === '.')))) nearVerb = true;
    // "Yuni, a resident of Lampung, ...", "Omar Saleh, 34, ...": an apposition describing a person
    if (!nearVerb && pl < 0) {
      const tail = c.text.slice(u[end - 1].end, u[end - 1].end + 110);
      const app = lex.apposition.exec(tail);
      if (app && (app[1] || (app[2] && (!orgWorded(c, app[2]) || roleHeaded(c, app[2]))))) nearVerb = true;
      // ", marketing executive at X,", ", the board's chair,", ", Minister of Y,": a role before any preposition
      else if (!app && n >= 2) {
        const bare = BARE_APPOSITION.exec(tail);
        if (bare && roleHeaded(c, bare[1])) nearVerb = true;
      }
    }
    const group = namedGroup(c, a, end);
    if (group >= 0) {
      i = group - 1;
      continue;
    }
    // an acronym inside an unknown name ("BC Hydro") marks an organisation
    // (not a run all in capitals: "SITUATION OVERVIEW", a heading)
    let isOrg = isOrgRun(c, a, end) || (n >= 2 && !lex.givenNames.has(u[a].key) && u.slice(a, end).some((x) => x.upper && x.text.length >= 2) && !u.slice(a, end).every((x) => x.upper));
    const text = c.text.slice(u[a].start, u[end - 1].end);
    // ("the Sheikh Maqsoud neighbourhood": a place cue after the run makes it a place's name)
    // (after "the" only: "Ahmed Hassan village elder said" in unpunctuated copy names a person)
    // (or after a locative preposition: "in Abu Hamad locality")
    const cueAfter = a > 0 && (lex.definite.has(u[a - 1].key) || lex.locativePrepositions.has(u[a - 1].key)) && end < u.length && !u[end].cap && lex.placeCuesAfter.has(u[end].key);
    // ("Tal al-Sheikh Hussein", "Kafr Nabl": a run opening with a toponym's first word is a place's name, as is one
    // after a place noun and "of": "the village of Abu Hamam")
    const placeLead = (n >= 2 && lex.placeLeads.has(u[a].key)) || (a >= 2 && lex.remitPrepositions.has(u[a - 1].key) && !u[a - 2].cap && lex.placeCuesAfter.has(u[a - 2].key));
    if ((!isOrg && (lex.placeHeads.has(u[end - 1].key) || cueAfter || placeLead)) || lex.featureHeads.has(u[end - 1].key)) {
      i = end - 1;
      continue;
    }
    // "the Law Society of Kenya", "the Commission for Human Rights": an organisation head goes on over its remit
    // (not after a locative preposition: "taken to the Medical University of Gdansk" is a place, a facility)
    let pb = a - 1;
    if (pb >= 0 && lex.definite.has(u[pb].key) && !u[pb].cap) pb--;
    const placed = pb >= 0 && lex.locativePrepositions.has(u[pb].key);
    // "the Ministry of Defence", "the Bank of England": one head word goes on over its remit too
    const lone = isOrg && n === 1 && !placed && lex.orgHeads.has(u[a].key) && remitEnd(c, end) > end;
    if (isOrg && (n >= 2 || lone)) {
      const full = lex.orgHeads.has(u[end - 1].key) && !placed ? remitEnd(c, end) : end;
      // ("the Syrian Center for Policy Research": a demonym before one head word is part of the name; a country's
      // possessive, "Russia's Ministry of Defence", is not)
      const demonym = !!d && (lex.demonyms.has(u[i].key) || (d.end === i + 2 && lex.demonyms.has(`${u[i].key} ${u[i + 1].key}`)));
      const from = lone && demonym && s === a ? i : a;
      const name = c.text.slice(u[from].start, u[full - 1].end);
      push(c, from, full, { id: `org:${slug(name)}`, name, kind: 'organization' }, 'name.org-head');
      i = full - 1;
      continue;
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
      } else if (nearVerb && !lex.roleNouns.has(u[a].key) && !starts(c, a, FIRST.generic) && pl < 0 && u[a].text.length > 2 && !sentenceStartCommon(c, a)) {
        // "NATO", "MaRS", "TransLink": capitals inside the word mark an organisation
        const orgShape = u[a].upper || /\p{Ll}\p{Lu}/u.test(u[a].text);
        // after a lower-case definite article, one capitalised word of no such shape is a body's or a
        // ministry's, no person: "the Pentagon said", "le ministère de la Santé a annoncé"
        if (!orgShape && before && before.key && !before.cap && lex.definite.has(before.key)) {
          i = end - 1;
          continue;
        }
        const act = push(c, a, end, { id: `person:${slug(text)}`, name: text, kind: orgShape ? 'organization' : 'person' }, 'name.speaker');
        if (act.kind === 'person') surnames.set(u[a].key, act);
      }
    }
    i = end - 1;
  }
}

/**
 * An unknown name with a lower-case group noun (data: groupNounsAfterName, groupNounsBeforeName): "the Gran
 * Grif gang", "the Lakurawa group"; "le gang Viv Ansanm", "le groupe armé Codeco" (the noun before the
 * name, and one lower-case word after it). Not a nationality, a place or a compound of one ("the Lebanese
 * group", "the New York-based group"), nor a side word ("the Takfiri group"), nor the tail of a longer name
 * ("... of the Stop the War group"). Pushes the group and returns the unit after it, else -1.
 */
function namedGroup(c: Ctx, a: number, end: number): number {
  const u = c.units;
  const lex = c.lex;
  const before = a > 0 ? u[a - 1] : null;
  const after = end < u.length ? u[end] : null;
  if (!before?.key || c.placeAt[a] >= 0) return -1;
  const plainName = () =>
    !demonymAt(c, a) &&
    u.slice(a, end).every((x, k) => !starts(c, a + k, FIRST.sides | FIRST.generic | FIRST.forces) && !(!x.cap && c.text[x.start - 1] === '-') && c.placeAt[a + k] < 0);
  // (one lower-case word may stand between, an adjective, "le groupe jihadiste X"; not a preposition, "le gang à Pont-Sondé")
  const nounAt = a >= 2 && !before.cap && lex.groupNounsBeforeName.has(u[a - 2].key) && u[a - 2].sentence === u[a].sentence && !lex.locativePrepositions.has(before.key) && !lex.remitPrepositions.has(before.key) ? a - 2 : a - 1;
  if (!before.cap && nounAt >= 0 && lex.groupNounsBeforeName.has(u[nounAt].key) && before.sentence === u[a].sentence && !c.taken.slice(nounAt, a).some(Boolean) && plainName()) {
    const name = c.text.slice(u[nounAt].start, u[end - 1].end);
    push(c, nounAt, end, { id: `group:${slug(name)}`, name, kind: 'group' }, 'name.group-noun');
    return end;
  }
  // a capitalised word before "the", not opening the sentence: the name goes on before it
  const longerName = a >= 3 && u[a - 2].cap && !!u[a - 2].key && u[a - 2].sentence === u[a].sentence && !!u[a - 3].key && u[a - 3].sentence === u[a].sentence;
  if (lex.definite.has(before.key) && after?.key && !after.cap && !c.taken[end] && lex.groupNounsAfterName.has(after.key) && after.sentence === u[end - 1].sentence && !longerName && plainName()) {
    const name = c.text.slice(u[a].start, after.end);
    push(c, a, end + 1, { id: `group:${slug(name)}`, name, kind: 'group' }, 'name.group-noun');
    return end + 1;
  }
  return -1;
}

// ---------- 4b. a full name written before the short form that made it known ----------
/**
 * "Home bakers know Dorie Greenspan ... Greenspan says": the surname was learnt from "Greenspan says",
 * after the full name had been passed over. A run of two or three capitalised words ending in that
 * surname, before its first mention, is the same person; the short forms take the full name.
 */
export function earlierFullNames(c: Ctx) {
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
    if ((s === 0 || !u[s - 1].key) && (c.lex.roleNouns.has(u[s].key) || starts(c, s, FIRST.generic))) continue;
    const name = c.text.slice(u[s].start, u[i].end);
    const act = push(c, s, i + 1, { id: `person:${slug(name)}`, name, kind: 'person' }, 'name.earlier-full');
    for (const a of short) if (a.start > act.start && a.id !== act.id) Object.assign(a, { id: act.id, name: act.name, antecedent: { start: act.start, end: act.end } });
    lone.delete(u[i].key);
  }
}

// ", <description>," with no article ("marketing executive at LG Electronics", "Minister of Finance")
/** Whether unit k ends a role noun in lower case ("spokesman", "porte-parole": the units of a hyphenated word joined). */
function roleEndsAt(c: Ctx, k: number): boolean {
  const u = c.units;
  // (written in lower case: "5th Special Forces Group, Fort Campbell" is a unit and its base)
  if (u[k].cap) return false;
  if (c.lex.roleNouns.has(u[k].key)) return true;
  return k >= 1 && c.text[u[k - 1].end] === '-' && u[k].start === u[k - 1].end + 1 && !u[k - 1].cap && c.lex.roleNouns.has(`${u[k - 1].key}-${u[k].key}`);
}

export const BARE_APPOSITION = /^,\s+([\p{L}][\p{L}\d'’.-]*(?:\s+[\p{L}\d'’.&-]+){0,9}?)(?=[,.])/u;

/** Does the description (before its first preposition) hold a role noun or a title ("the board's chair")? */
export function roleHeaded(c: Ctx, desc: string): boolean {
  const words = desc.split(/\s+/);
  for (let k = 0; k < words.length && k < 6; k++) {
    const w = words[k].toLowerCase().replace(/['’]s$/, '');
    if (c.lex.headEnds.has(w)) return false;
    // "the board's chair": an organisation word is a modifier here, not the head
    if (orgWorded(c, w) || endsWithAny(w, c.lex.pluralEndings)) continue;
    // ("a pro-democracy activist group": a role noun right before an organisation word modifies it)
    if (c.lex.roleNouns.has(w) || c.lex.titleWords.has(w)) return !(k + 1 < words.length && orgWorded(c, words[k + 1].toLowerCase()));
  }
  return false;
}

/** What splits words: anything but letters, digits and _ (a regex \b's word characters, for every script). */
export const NON_WORD = /[^\p{L}\p{N}_]+/u;

/** Does the text hold a noun of an organisation or a place (orgDescriptionNouns, or one with a plural ending) as a whole word? */
export function orgWorded(c: Ctx, text: string): boolean {
  const nouns = c.lex.orgDescriptionNouns;
  for (const w of text.split(NON_WORD)) if (w && (nouns.has(w) || c.lex.pluralEndings.some((e) => w.endsWith(e) && nouns.has(w.slice(0, -e.length))))) return true;
  return false;
}

export function sentenceStartCommon(c: Ctx, i: number): boolean {
  const u = c.units;
  const start = i === 0 || !u[i - 1].key || u[i - 1].sentence !== u[i].sentence;
  return start && c.lex.notNames.has(u[i].key);
}

/** From unit k: past an article and lower-case modifiers, an organisation's name (an organisation head in it, or a
 * name the dictionary knows) and right after it a reporting verb, all in one sentence not set in title case. */
function bodyThenSpeech(c: Ctx, k: number, sentence: number): boolean {
  const u = c.units;
  for (let m = 0; m < 3 && k < u.length && u[k].key && !u[k].cap; m++) k++;
  if (k >= u.length || !u[k].cap || u[k].sentence !== sentence || titleCased(c, k)) return false;
  const e = c.taken[k] ? k + 1 : nameRun(c, k, 6);
  if (!(e > k) || !(c.taken[k] || isOrgRun(c, k, e))) return false;
  let v = e;
  while (v < u.length && c.taken[v] && v < e + 6) v++;
  return v < u.length && u[v].sentence === sentence && c.lex.speechVerbs.has(u[v].key);
}
