// Compare over what the ledger holds: every stored document with its items, as CompareDocs.
import type { Store, DocumentDetail } from '../store/store.js';
import type { CompareDoc } from './figures.js';

const PAGE = 500;

export function detailToCompareDoc(d: DocumentDetail): CompareDoc {
  return {
    id: d.id,
    title: d.title,
    outlet: d.outlet,
    url: d.url,
    published: d.published,
    lang: d.lang ?? 'en',
    referenceDate: d.referenceDate,
    text: d.text,
    // (an item an analyst rejected is a false alarm: not compared)
    claims: d.claims.filter((c) => c.reviewed !== 'rejected').map((c) => ({
      start: c.start,
      end: c.end,
      text: c.text,
      quantity: c.quantity,
      value: c.value,
      category: c.category as CompareDoc['claims'][number]['category'],
      who: c.who,
      source: c.source ? { name: c.source.name, id: c.source.id, kind: c.source.kind as never, start: c.source.start, end: c.source.end, via: c.source.via as never } : null,
      hedged: c.hedged,
      place: c.place ? { name: c.place.name, text: c.place.text, geonameId: c.place.geonameId, qualifier: c.place.qualifier ?? undefined, start: c.place.start, end: c.place.end } : null,
      date: c.date,
      dateUntil: c.dateUntil,
      evidence: c.evidence,
      // (the figure board shows which figures an analyst has checked)
      reviewed: c.reviewed,
    })),
    places: d.places.filter((p) => p.reviewed !== 'rejected').map((p) => ({ ...p, candidates: [] })) as unknown as CompareDoc['places'],
    actors: d.actors as CompareDoc['actors'],
    statements: d.statements as CompareDoc['statements'],
    dates: d.dates as CompareDoc['dates'],
    events: [],
    framing: d.framing as CompareDoc['framing'],
    errors: d.errors,
  };
}

/** Every stored document (optionally of some outlets or days) as a CompareDoc. */
export async function loadCompareDocs(store: Store, filter: { outlet?: string; since?: string; until?: string } = {}): Promise<CompareDoc[]> {
  const out: CompareDoc[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({ ...filter, limit: PAGE, offset });
    for (const s of page.items) {
      const d = await store.getDocument(s.id);
      if (d) out.push(detailToCompareDoc(d));
    }
    if (page.items.length < PAGE) break;
  }
  return out;
}
