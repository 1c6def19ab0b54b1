// Sides and collectives: a demonym or side word before a force noun ("Syrian forces", "government
// troops"), governments, populations, and acronyms in brackets after a name.
import type { Actor, ActorKind } from '../../core/types.js';
import { type Ctx, push, slug, starts, unitAt } from './context.js';
import { FIRST } from './first-words.js';
import { phraseKeys } from './units.js';
import { NON_WORD } from './names.js';
import { endsWithAny } from '../endings.js';
import { isStateUse, STATE_RULE } from '../places/published.js';

export function demonymAt(c: Ctx, i: number, anyCase = false): { end: number; country: string } | null {
  const u = c.units;
  if (!u[i].key || (!u[i].cap && !anyCase)) return null;
  const bits = c.first[i];
  if (!(bits & (FIRST.demonym | FIRST.demonymFirst | FIRST.country | FIRST.countryS))) return null;
  // two-word demonyms first ("Saudi Arabian")
  if (bits & FIRST.demonymFirst && i + 1 < u.length && u[i + 1].key) {
    const two = c.lex.demonyms.get(`${u[i].key} ${u[i + 1].key}`);
    if (two) return { end: i + 2, country: two };
  }
  const one = bits & FIRST.demonym ? c.lex.demonyms.get(u[i].key) : undefined;
  // (a country's short name opening a compound is the compound's: "US-backed", "US-led" are side words)
  if (one && c.lex.shortNames.has(u[i].key) && c.text[u[i].end] === '-') return null;
  // (and its possessive is the country's: "Myanmar's junta")
  if (one && c.lex.shortNames.has(u[i].key) && i + 1 < u.length && u[i + 1].key === 's') return { end: i + 2, country: one };
  if (one) return { end: i + 1, country: one };
  // a country's possessive ("Syria's army", "Syrias army")
  const cn = bits & FIRST.country ? c.lex.countryNames.get(u[i].key) : undefined;
  if (cn && i + 1 < u.length && u[i + 1].key === 's') return { end: i + 2, country: cn };
  if (bits & FIRST.countryS) {
    const cn2 = stemIn(c.lex.countryNames, u[i].key, c.lex.possessiveEndings);
    if (cn2) return { end: i + 1, country: cn2 };
  }
  return null;
}

/** The value of the key with one of the endings taken off ("syrians" → the demonym "syrian"), or undefined. */
function stemIn(map: Map<string, string>, key: string, endings: readonly string[]): string | undefined {
  for (const e of endings) if (key.length > e.length && key.endsWith(e)) {
    const v = map.get(key.slice(0, -e.length));
    if (v) return v;
  }
  return undefined;
}

/** The rule of a side named by its weapon ("Israeli air strikes"): an actor, never a speaker nor a "they". */
export const WEAPON_RULE = 'forces.weapon';
const WEAPON_EVIDENCE = `actors.${WEAPON_RULE}`;
/** Is the actor a side named by its weapon ("Israeli air strikes", "a Russian missile")? */
export const isWeaponActor = (a: Actor): boolean => a.evidence[0]?.rule === WEAPON_EVIDENCE;

/** The longest force noun ("forces", "security forces") starting at unit i, or null. */
const forceAt = (c: Ctx, i: number) => (starts(c, i, FIRST.forces) ? c.lex.forces.longestAt(c.units, i) : null);

// ---------- 3. demonym / side word + force noun ----------
export function forces(c: Ctx) {
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i]) continue;
    let j = i;
    let country: string | null = null;
    let sides = 0;
    // ("a military air strike": a side word that makes a side only before a weapon)
    let weaponOnly = false;
    for (;;) {
      if (j >= u.length || c.taken[j] || !u[j].key) break;
      const d = demonymAt(c, j);
      if (d) {
        country = country ?? d.country;
        j = d.end;
        sides++;
      } else {
        const s = starts(c, j, FIRST.sides) ? c.lex.sides.longestAt(u, j) : null;
        const weaponSide = !!s && s.end - j === 1 && c.lex.weaponSides.has(u[j].key);
        // (after another side it is the force's own word again: "Russian military jets")
        if (s && !(s.end - j === 1 && forceAt(c, j) && !forceAt(c, s.end)) && !(weaponSide && sides)) {
          if (weaponSide) weaponOnly = true;
          j = s.end;
          sides++;
        } else break;
      }
      // "Russian and Syrian warplanes"
      if (j + 1 < u.length && c.lex.coordinators.has(u[j].key) && demonymAt(c, j + 1)) j++;
    }
    if (!sides || j >= u.length || c.taken[j]) {
      if (!sides && c.modifiersAfter) i = forceThenModifiers(c, i);
      continue;
    }
    const f = forceAt(c, j);
    if (!f) continue;
    let end = f.end;
    // "Syrian government forces": keep taking force nouns
    // (not a weapon after the body: "Syrian air force strikes" is the air force)
    const isWeapon = (a: number, b: number) => c.lex.weaponNouns.has(c.text.slice(u[a].start, u[b - 1].end).toLowerCase());
    for (let g = forceAt(c, end); g && !c.taken[end] && !isWeapon(end, g.end); g = forceAt(c, end)) end = g.end;
    // "Syria's official news agency", "a Syrian military source": the force word is a modifier here
    const next = end < u.length ? u[end] : null;
    if (next && next.key && !next.cap && (c.lex.roleNouns.has(next.key) || c.lex.modifiedNouns.has(next.key))) continue;
    let head = c.text.slice(u[j].start, u[end - 1].end).toLowerCase();
    let name = c.text.slice(u[i].start, u[end - 1].end);
    // "Israeli air strikes", "a Russian missile": the side's forces did it
    // (the side as written, with the closing dot of an initialism: "U.S. drones" → "U.S. forces")
    let side = c.text.slice(u[i].start, u[j - 1].end);
    if (side.includes('.') && c.text[u[j - 1].end] === '.') side += '.';
    const weapon = weaponForces(c, head, side);
    if (weaponOnly && !weapon) continue;
    if (weapon) ({ name, head } = weapon);
    const plural = weapon || endsWithAny(head, c.lex.pluralEndings) || head.split(NON_WORD).some((w) => c.lex.collectiveForceNouns.has(w));
    const kind: ActorKind = 'group';
    const generic = !country;
    const id = country ? `forces:${country}:${slug(head)}` : `generic:${slug(name)}`;
    push(c, i, end, { id, name, kind, country, ...(generic ? { generic: true } : {}), ...(plural ? {} : { role: head }) }, weapon ? WEAPON_RULE : country ? 'forces.demonym' : 'forces.side');
    i = end - 1;
  }
}

/** A weapon noun's side named as its forces (weaponActorName: "{side} forces", "forces ({side})"): the actor's name
 * and its head noun; null when the head is no weapon or the language names none. */
function weaponForces(c: Ctx, head: string, side: string): { name: string; head: string } | null {
  const template = c.lex.weaponNouns.has(head) ? c.lex.weaponActorName : null;
  if (!template) return null;
  const bare = template.replace(/\{side\+?\}/, '').replace(/[^\p{L}\s-]/gu, '').trim();
  // ("{side+}": the demonym agreeing with the forces noun, "forces israéliennes" for "une frappe israélienne")
  return { name: template.replace('{side}', side).replace('{side+}', agreed(c, side)), head: bare };
}

/** The longest form of a one-word demonym's family that extends it (same country): its feminine plural in a
 * language that inflects it ("israélienne" → "israéliennes", "russe" → "russes"), the side as written otherwise. */
function agreed(c: Ctx, side: string): string {
  const key = phraseKeys(side).join(' ');
  const country = c.lex.demonyms.get(key);
  if (!country || key.includes(' ')) return side;
  let best = key;
  for (const [k, v] of c.lex.demonyms) if (v === country && k.length > best.length && k.startsWith(key) && !k.includes(' ')) best = k;
  return side + best.slice(key.length);
}

/**
 * Where the nationality or side follows the force noun ("l'armée syrienne", "les forces gouvernementales",
 * "les troupes russes et syriennes"): the force nouns at i and the modifiers after them, as one actor.
 * Returns the last unit taken (i when none).
 */
function forceThenModifiers(c: Ctx, i: number): number {
  const u = c.units;
  const f = forceAt(c, i);
  if (!f) return i;
  let end = f.end;
  // more force nouns ("les forces armées"), but a word that is also a side or nationality ("kurdes") modifies
  const modifier = (k: number) => !!demonymAt(c, k, true) || (starts(c, k, FIRST.sides) && !!c.lex.sides.longestAt(u, k));
  for (let g = forceAt(c, end); g && !c.taken[end] && !modifier(end); g = forceAt(c, end)) end = g.end;
  let j = end;
  let country: string | null = null;
  let sides = 0;
  while (j < u.length && !c.taken[j] && u[j].key) {
    const d = demonymAt(c, j, true);
    const s = d ? null : starts(c, j, FIRST.sides) ? c.lex.sides.longestAt(u, j) : null;
    if (!d && !s) break;
    if (d) country = country ?? d.country;
    j = d ? d.end : s!.end;
    sides++;
    // "les troupes russes et syriennes"
    if (j + 1 < u.length && c.lex.coordinators.has(u[j].key) && demonymAt(c, j + 1, true)) j++;
  }
  if (!sides) return i;
  let head = c.text.slice(u[i].start, u[end - 1].end).toLowerCase();
  let name = c.text.slice(u[i].start, u[j - 1].end);
  // "une frappe russe", "des bombardements israéliens": the side's forces did it
  const weapon = weaponForces(c, head, c.text.slice(u[end].start, u[j - 1].end));
  if (weapon) ({ name, head } = weapon);
  const plural = weapon || endsWithAny(head, c.lex.pluralEndings) || head.split(NON_WORD).some((w) => c.lex.collectiveForceNouns.has(w));
  const id = country ? `forces:${country}:${slug(head)}` : `generic:${slug(name)}`;
  push(c, i, j, { id, name, kind: 'group', country, ...(country ? {} : { generic: true }), ...(plural ? {} : { role: head }) }, weapon ? WEAPON_RULE : country ? 'forces.demonym-after' : 'forces.side-after');
  return j - 1;
}

// ---------- 9. a country acting as its government ("Turkey said", "France has", "backed by Russia") ----------
export function governments(c: Ctx) {
  const u = c.units;
  for (const p of c.places) {
    if (p.kind !== 'country' || !p.country) continue;
    let i = unitAt(c.units, p.start);
    if (i < 0 || u[i].start !== p.start || c.taken[i]) continue;
    let e = i;
    while (e < u.length && u[e].end <= p.end && u[e].key) e++;
    if (e === i) continue;
    // (or one the places stage read as a state acting, standing alone: "backed by Russia", "the United States
    // and Britain"; not as the modifier of a noun, "US airstrikes", "the U.S. embassy", whose head is the actor)
    const verb = e < u.length && c.lex.governmentVerbs.has(u[e].key);
    const cue = p.evidence.find((x) => x.rule === STATE_RULE)?.span;
    const modifier = !!cue && cue.start >= p.end && e < u.length && !!u[e].key && !u[e].cap && u[e].start - p.end <= 1 && !c.lex.coordinators.has(u[e].key);
    if (!verb && !(isStateUse(p) && !modifier)) continue;
    // "the UN office in Yemen said", "le ministère de la Santé de Gaza a déclaré": the body before speaks
    let b = i - 1;
    if (b >= 0 && c.lex.definite.has(u[b].key)) b--;
    if (b >= 0 && c.lex.locativePrepositions.has(u[b].key)) continue;
    if (i > 0 && c.lex.definite.has(u[i - 1].key)) i--;
    push(c, i, e, { id: `gov:${p.country}`, name: p.name, kind: 'organization', country: p.country }, 'government');
  }
}

// ---------- 10. plural demonyms as populations ("Syrians", "Kurds") ----------
export function populations(c: Ctx) {
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!(c.first[i] & FIRST.demonymS) || c.taken[i] || !u[i].cap) continue;
    const cc = stemIn(c.lex.demonyms, u[i].key, c.lex.pluralEndings);
    if (!cc) continue;
    push(c, i, i + 1, { id: `population:${cc}`, name: u[i].text, kind: 'group', country: cc, generic: true }, 'population');
  }
}

/**
 * Where the name that a bracketed acronym after unit i defines starts, or null: walking back over the words of
 * the name (joiners such as "of", "pour" skipped), one word per letter, the first capitalised; its initials spell
 * the acronym, in order ("Export Development Canada (EDC)", "Forces de soutien rapide (FSR)") or, for a name of
 * three words or more, in another order (a translated name: "National Front for the Defence of the Constitution
 * (FNDC)"). Units another actor holds are part of the name only when that actor lies wholly inside it.
 */
function acronymName(c: Ctx, i: number, acr: string): number | null {
  const u = c.units;
  const inside = (k: number, from: number) => !c.taken[k] || c.actors.every((a) => a.end <= u[k].start || a.start >= u[k].end || a.start >= u[from].start);
  let s = i;
  const letters: string[] = [];
  for (let k = i; k >= 0 && i - k < 14 && u[k].key && u[k].sentence === u[i].sentence; k--) {
    if (c.lex.acronymJoiners.has(u[k].key)) continue;
    letters.unshift(u[k].text[0].toUpperCase());
    s = k;
    if (letters.length === acr.length) break;
  }
  if (letters.length !== acr.length || s === i || !u[s].cap) return null;
  for (let k = s; k <= i; k++) if (!inside(k, s)) return null;
  const initials = letters.join('');
  if (initials === acr) return s;
  return acr.length >= 3 && [...initials].sort().join('') === [...acr].sort().join('') ? s : null;
}

// ---------- 10b. acronyms defined in brackets: "Export Development Canada (EDC)" → later "EDC" ----------
export function bracketAcronyms(c: Ctx) {
  const text = c.text;
  // an unknown name whose initials spell the bracketed acronym is an organisation
  const u0 = c.units;
  for (let i = 0; i < u0.length; i++) {
    if (!u0[i].key || text[u0[i].end] === '-') continue;
    const m = /^\s*\(([A-Z][A-Z&]{1,8})\)/.exec(text.slice(u0[i].end, u0[i].end + 14));
    if (!m) continue;
    const def = acronymName(c, i, m[1].replace(/&/g, ''));
    if (def === null) continue;
    // (a name already found whole keeps its entry: "the United Nations (UN)")
    if (c.actors.some((a) => a.start <= u0[def].start && a.end >= u0[i].end)) continue;
    const name = text.slice(u0[def].start, u0[i].end);
    // (a shorter name the dictionary or a name shape found inside it gives way: "National Front" in "the National
    // Front for the Defence of the Constitution (FNDC)")
    c.actors = c.actors.filter((a) => !(a.start >= u0[def].start && a.end <= u0[i].end));
    // (an acronym the dictionary knows names the entry: "Syrian Observatory of Human Rights (SOHR)" is the SOHR)
    const at = u0[i].end + m[0].indexOf(m[1]);
    const known = c.actors.find((a) => a.start === at && a.evidence[0].rule.startsWith('actors.dict'));
    const who = known ? { id: known.id, name: known.name, kind: known.kind, country: known.country ?? null } : { id: `org:${slug(name)}`, name, kind: 'organization' as const };
    push(c, def, i + 1, who, 'name.acronym-defined');
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
