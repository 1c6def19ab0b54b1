// sitrep review export-gold: the reviewed documents as a benchmark set in ../shared/eval's format,
// so that a team's reviews become its own test: corpus/<id>.json (the article), gold/<id>.json
// (claims and places as the analysts left them: machine items they did not reject, with their
// corrections, and the items they added) and events/<id>.json. Offsets are written beside each
// quote, so a quote that occurs twice is still located.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimRow, DocumentDetail, EventRow, Store } from '../store/store.js';

const nameOf = (a: unknown) => (a && typeof a === 'object' && 'name' in a ? String((a as { name: unknown }).name) : null);

export function goldOf(d: DocumentDetail) {
  const keep = <T extends { reviewed: string }>(xs: T[]) => xs.filter((x) => x.reviewed !== 'rejected');
  const claims = keep(d.claims).map((c: ClaimRow) => ({
    quote: d.text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    min: c.value.min,
    max: c.value.max,
    approx: c.value.approx,
    category: c.category,
    who: c.who,
    source: c.source ? [c.source.name] : null,
    place: c.place?.name ?? null,
    date: c.date ?? null,
    reviewed: c.reviewed,
  }));
  const places = keep(d.places).map((p) => ({ mention: p.text, country: p.country, lat: p.lat, lon: p.lon, geonameId: p.geonameId, kind: p.kind, reviewed: p.reviewed }));
  const events = keep(d.events).map((e: EventRow) => ({
    quote: d.text.slice(e.start, e.end),
    start: e.start,
    end: e.end,
    type: e.type,
    subtype: e.subtype,
    actor1: nameOf(e.actor1) ? [nameOf(e.actor1)] : [null],
    actor2: nameOf(e.actor2) ? [nameOf(e.actor2)] : [null],
    place: e.place?.name ?? null,
    country: e.place?.country ?? null,
    lat: e.place?.lat ?? null,
    lon: e.place?.lon ?? null,
    date: e.date ?? null,
    fatalities: e.fatalities == null ? null : { min: e.fatalities, max: null },
    origin: nameOf(e.origin),
    destination: nameOf(e.destination),
    reviewed: e.reviewed,
  }));
  return { claims, places, events };
}

/** Writes the set; returns the ids written and those left out, with why. `complete`: only documents whose every claim and place was reviewed. */
export async function exportGold(store: Store, dir: string, opts: { document?: string; complete?: boolean } = {}): Promise<{ written: string[]; skipped: string[] }> {
  for (const sub of ['corpus', 'gold', 'events']) mkdirSync(join(dir, sub), { recursive: true });
  const written: string[] = [];
  const skipped: string[] = [];
  const ids = new Set<string>();
  for await (const h of store.reviews.history()) if (h.documentId && (!opts.document || h.documentId === opts.document)) ids.add(h.documentId);
  for (const id of ids) {
    const d = await store.getDocument(id);
    if (!d) continue;
    if (opts.complete && [...d.claims, ...d.places].some((x) => x.reviewed === 'pending')) {
      skipped.push(`${id}: items still pending (--complete)`);
      continue;
    }
    if (!/^[\w.~-]+$/.test(id) || id.startsWith('.')) {
      skipped.push(`${id.slice(0, 80)}: the id cannot be a file name (the scorers read gold/<id>.json)`);
      continue;
    }
    const g = goldOf(d);
    const put = (sub: string, body: unknown) => {
      const file = join(dir, sub, `${id}.json`);
      writeFileSync(file + '.tmp', JSON.stringify(body, null, 1) + '\n');
      renameSync(file + '.tmp', file);
    };
    put('corpus', { id, url: d.url, outlet: d.outlet, published: d.published, title: d.title, lang: d.lang, text: d.text });
    put('gold', { id, claims: g.claims, places: g.places });
    put('events', { id, events: g.events });
    written.push(id);
  }
  return { written, skipped };
}
