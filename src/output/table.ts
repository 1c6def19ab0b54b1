// The terminal view of one analysis: each claim with value, category, source, place and date, the
// sentence with the number highlighted, then the places and actors.
import type { Analysis, Claim } from '../core/types.js';
import { sentenceAt } from '../stages/sentences/index.js';

export interface TableOptions {
  color: boolean;
  width: number;
}

const ESC = '\u001b[';

export function formatValue(v: Claim['value']): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  let s: string;
  if (v.min != null && v.max != null) s = v.min === v.max ? fmt(v.min) : `${fmt(v.min)}–${fmt(v.max)}`;
  else if (v.min != null) s = `≥${fmt(v.min)}`;
  else if (v.max != null) s = `≤${fmt(v.max)}`;
  else s = '?';
  return v.approx ? `~${s}` : s;
}

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? [...s].slice(0, n - 1).join('') + '…' : s + ' '.repeat(n - len);
}

function wrap(s: string, width: number, indent: string): string {
  const words = s.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  const visible = (x: string) => x.replace(/\u001b\[[0-9;]*m/g, '').length;
  for (const w of words) {
    if (cur && visible(cur) + 1 + visible(w) > width - indent.length) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => indent + l).join('\n');
}

export function formatTable(a: Analysis, opts: TableOptions): string {
  const { color } = opts;
  const width = Math.max(60, Math.min(opts.width, 160));
  const b = (s: string) => (color ? `${ESC}1m${s}${ESC}0m` : s);
  const dim = (s: string) => (color ? `${ESC}2m${s}${ESC}0m` : s);
  const hl = (s: string) => (color ? `${ESC}1;33m${s}${ESC}0m` : `[${s}]`);
  const text = a.document.text;
  const d = a.document;
  const out: string[] = [];
  const meta = [d.outlet, d.published && `published ${d.published}`, a.referenceDate && a.referenceDate !== d.published && `dateline ${a.referenceDate}`].filter(Boolean).join(', ');
  out.push(b(`== ${d.id}${d.title ? ': ' + d.title : ''}`) + (meta ? dim(`  (${meta})`) : ''));
  if (a.errors.length) for (const e of a.errors) out.push(`  ! stage ${e.stage} failed: ${e.message}`);
  out.push('');
  out.push(b(`Claims (${a.claims.length})`));
  if (a.claims.length) {
    out.push(dim('  ' + pad('value', 14) + pad('category', 11) + pad('who', 22) + pad('source', 26) + pad('place', 18) + 'date'));
    for (const c of a.claims) {
      const src = c.source ? c.source.name : c.hedged ? '(hedged)' : '—';
      const place = c.place ? (c.place.qualifier ? `${c.place.qualifier} ${c.place.name}` : c.place.name) : '—';
      const date = c.date ? (c.dateUntil && c.dateUntil !== c.date ? `${c.date}..${c.dateUntil}` : c.date) : '—';
      out.push('  ' + b(pad(formatValue(c.value), 14)) + pad(c.category, 11) + pad(c.who || '—', 22) + pad(src, 26) + pad(place, 18) + date);
      const s = sentenceAt(a.sentences, c.quantity.start);
      if (s) {
        const sent = text.slice(s.start, c.quantity.start) + hl(text.slice(c.quantity.start, c.quantity.end)) + text.slice(c.quantity.end, s.end);
        out.push(dim(wrap(sent.replace(/\s+/g, ' '), width, '      ')));
      }
    }
  }
  out.push('');
  out.push(b(`Places (${a.places.length})`));
  const seenPlace = new Set<string>();
  for (const p of a.places) {
    const key = `${p.name}|${p.geonameId}|${p.qualifier ?? ''}`;
    if (seenPlace.has(key)) continue;
    seenPlace.add(key);
    const coords = p.lat != null && p.lon != null ? `${p.lat.toFixed(3)},${p.lon.toFixed(3)}` : 'unresolved';
    const q = p.qualifier ? ` (${p.qualifier})` : '';
    out.push(`  ${pad(p.text + q, 34)}${pad(p.name, 22)}${pad(p.country ?? '—', 4)}${pad(p.kind, 10)}${pad(coords, 20)}prec ${p.precision}${p.geonameId ? dim(' geonames:' + p.geonameId) : ''}`);
  }
  out.push('');
  out.push(b(`Actors (${a.actors.length})`));
  const seenActor = new Map<string, Set<string>>();
  for (const x of a.actors) {
    const set = seenActor.get(x.id) ?? new Set<string>();
    set.add(x.text);
    seenActor.set(x.id, set);
  }
  for (const [id, texts] of seenActor) {
    const x = a.actors.find((y) => y.id === id)!;
    out.push(`  ${pad(x.name, 40)}${pad(x.kind + (x.generic ? ' (generic)' : ''), 22)}${dim([...texts].join(' | '))}`);
  }
  if (a.statements.length) {
    out.push('');
    out.push(b(`Statements (${a.statements.length})`));
    for (const s of a.statements) {
      const who = s.speaker ? s.speaker.name : '—';
      out.push(`  ${pad(who, 30)}${pad(s.verb, 10)}${dim(wrap(text.slice(s.start, s.end).replace(/\s+/g, ' '), width - 40, '').split('\n')[0])}`);
    }
  }
  if (a.events.length) {
    out.push('');
    out.push(b(`Events (${a.events.length})`));
    for (const e of a.events) {
      const where = e.place ? e.place.name : '—';
      const move = e.origin || e.destination ? `  ${e.origin?.name ?? '?'} → ${e.destination?.name ?? '?'}` : '';
      out.push(`  ${pad(e.type + ' / ' + e.subtype, 44)}${pad(where, 18)}${pad(e.date ?? '—', 12)}${[e.actor1?.name, e.actor2?.name].filter(Boolean).join(' vs ')}${move}`);
    }
  }
  if (a.framing.length) {
    out.push('');
    out.push(b(`Loaded terms (${a.framing.length})`));
    for (const f of a.framing) out.push(`  ${pad(f.text, 24)}${pad(f.category, 26)}${f.neutral ? dim('neutral: ' + f.neutral) : ''}`);
  }
  out.push('');
  return out.join('\n');
}
