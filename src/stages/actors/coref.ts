// Generic agents ("militants", "the regime") and coreference: "the minister" back to the last person with
// that role, lone titles, and pronouns with their antecedent when one is near.
import type { Actor } from '../../core/types.js';
import { type Ctx, push, slug, starts, unitAt } from './context.js';
import { FIRST } from './first-words.js';
import { nameRun } from './names.js';
import { isWeaponActor } from './sides.js';

// ---------- 5. generic agents ----------
export function generics(c: Ctx) {
  const u = c.units;
  for (let i = 0; i < u.length; i++) {
    if (!starts(c, i, FIRST.generic) || c.taken[i]) continue;
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
export function roleCoref(c: Ctx) {
  const u = c.units;
  const persons = c.actors.filter((a) => a.kind === 'person' && a.role).sort((x, y) => x.start - y.start);
  if (!persons.length) return;
  // the last person before the current unit, by the last word of the role: the persons are read
  // once, in text order, as the units advance (a scan of every person per "the minister" was quadratic)
  const lastByHead = new Map<string, Actor>();
  let read = 0;
  for (let i = 0; i + 1 < u.length; i++) {
    if (!c.lex.definite.has(u[i].key) || c.taken[i + 1] || !u[i + 1].key) continue;
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
export function loneTitles(c: Ctx) {
  const u = c.units;
  const antecedents = new RoleIndex(c.actors);
  for (let i = 0; i < u.length; i++) {
    if (!u[i].key || c.taken[i]) continue;
    const the = c.lex.definite.has(u[i].key);
    const j = the ? i + 1 : i;
    if (j >= u.length || c.taken[j] || !u[j].cap) continue;
    const t = starts(c, j, FIRST.titles) ? c.lex.titles.longestAt(u, j) : null;
    if (!t) continue;
    const n = t.end - j;
    if (n === 1 && !(the && c.lex.loneTitles.has(u[j].key))) continue;
    let end = t.end;
    for (let k = j; k < end; k++) if (c.taken[k]) end = -1;
    if (end < 0) continue;
    // a title before a name is the title-name extractor's ("Foreign Minister Mevlut Cavusoglu")
    if (end < u.length && u[end].key && (u[end].cap || c.taken[end])) continue;
    // "Minister for the Middle East", "Secretary of State for Defence": a capitalised remit
    if (end + 1 < u.length && c.lex.remitPrepositions.has(u[end].key)) {
      const r0 = c.lex.definite.has(u[end + 1].key) ? end + 2 : end + 1;
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

export const roleHead = (a: Actor) => (a.kind === 'person' && a.role ? a.role.toLowerCase().split(/\s+/).pop() : undefined);

/**
 * The antecedent of a lone title: of the persons whose role ends in the same word and who start
 * before it, the one found last. Asked with offsets in text order, so each list is read once (a scan
 * of every actor per title was quadratic on a text full of titles).
 */
export class RoleIndex {
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

// ---------- 8. pronouns (with their antecedent when one is near) ----------
/** the most persons looked back over for one whose given name fits a pronoun's gender */
const GENDER_LOOKBACK = 4;

/** The last person before a pronoun, past up to a few whose given name is the other gender ("she": not Mohammad). */
function lastPersonOf(c: Ctx, persons: readonly Actor[], gender: string | undefined): Actor | null {
  if (!gender) return persons[persons.length - 1] ?? null;
  for (let k = persons.length - 1; k >= 0 && k >= persons.length - GENDER_LOOKBACK; k--) {
    const g = c.lex.givenGender.get(persons[k].name.split(/\s+/)[0].toLowerCase());
    if (!g || g === gender) return persons[k];
  }
  return null;
}

export function pronouns(c: Ctx) {
  const u = c.units;
  const sorted = [...c.actors].sort((x, y) => x.start - y.start);
  let sp = 0;
  const persons: Actor[] = [];
  let lastOther: Actor | null = null;
  for (let i = 0; i < u.length; i++) {
    if (!(c.first[i] & FIRST.pronoun) || c.taken[i]) continue;
    const kind = c.lex.pronounActors.get(u[i].key);
    if (!kind) continue;
    // "I", not the letter i; "US", not us
    const only = c.lex.pronounOnlyAs.get(u[i].key);
    if ((only !== undefined && u[i].text !== only) || c.lex.notPronouns.has(u[i].text)) continue;
    const at = u[i].start;
    const sent = u[i].sentence;
    let ante: Actor | null = null;
    const plural = kind === 'group';
    const first = c.lex.firstPerson.has(u[i].key);
    // sweep the actors up to this pronoun once (pronouns come in text order)
    while (sp < sorted.length && sorted[sp].start < at) {
      const a = sorted[sp++];
      if (a.kind === 'person') persons.push(a);
      // (a weapon is no "they": "the air strikes ... they claimed")
      else if (!isWeaponActor(a)) lastOther = a;
    }
    if (!first) {
      ante = plural ? lastOther : lastPersonOf(c, persons, c.lex.pronounGender.get(u[i].key));
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
