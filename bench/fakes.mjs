// The 804 FA-KES articles (../shared/data/fa-kes) as sitrep records, or null when ../shared is absent.
// Used by the benchmarks only: the articles never become part of the project.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const shared = process.env.SITREP_SHARED ? resolve(process.env.SITREP_SHARED) : resolve(root, '..', 'shared');

function isoDate(s) {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

export async function loadFakes() {
  const file = join(shared, 'data', 'fa-kes', 'FA-KES-Dataset.csv');
  if (!existsSync(file)) return null;
  const { csvRecords } = await import(join(root, 'dist', 'src', 'io', 'csv.js'));
  return csvRecords(readFileSync(file, 'utf8')).map((r) => ({
    id: `fakes-${r.unit_id}`,
    title: r.article_title,
    text: r.article_content,
    outlet: r.source,
    published: isoDate(r.date),
  })).filter((r) => r.text && r.text.trim());
}
