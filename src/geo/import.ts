// `sitrep gazetteer import <file>`: a GeoNames dump (a country file such as SY.txt, allCountries,
// cities1000..., plain text or zipped) filtered to the feature classes and codes worth matching
// (data/geo/import-features.json) and stored under the cache folder, where the gazetteer build picks it up.
// Streams the file line by line, so allCountries (1.5 GB) does not need to fit in memory.
import { createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, fstatSync, renameSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import { dataPath } from '../core/paths.js';
import { importsDir } from './build.js';

export interface ImportResult {
  file: string;
  stored: string;
  rows: number;
  kept: number;
}

interface FeatureFilter {
  classes: Set<string>;
  codes: Set<string>;
}

export function loadFeatureFilter(): FeatureFilter {
  const raw = JSON.parse(readFileSync(dataPath('geo', 'import-features.json'), 'utf8')) as { classes: string[]; codes: string[] };
  return { classes: new Set(raw.classes), codes: new Set(raw.codes) };
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip file, from its central directory. */
function zipEntries(fd: number): ZipEntry[] {
  const size = fstatSync(fd).size;
  const tailLen = Math.min(size, 65557);
  const tail = Buffer.alloc(tailLen);
  readSync(fd, tail, 0, tailLen, size - tailLen);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('gazetteer import: not a zip file (no end of central directory)');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  const cd = Buffer.alloc(cdSize);
  readSync(fd, cd, 0, cdSize, cdOffset);
  const out: ZipEntry[] = [];
  let o = 0;
  for (let k = 0; k < count && o + 46 <= cd.length; k++) {
    if (cd.readUInt32LE(o) !== 0x02014b50) throw new Error('gazetteer import: damaged zip central directory');
    const method = cd.readUInt16LE(o + 10);
    const compressedSize = cd.readUInt32LE(o + 20);
    const nameLen = cd.readUInt16LE(o + 28);
    const extraLen = cd.readUInt16LE(o + 30);
    const commentLen = cd.readUInt16LE(o + 32);
    const localOffset = cd.readUInt32LE(o + 42);
    out.push({ name: cd.toString('utf8', o + 46, o + 46 + nameLen), method, compressedSize, localOffset });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A readable stream of one zip entry's content. */
function zipEntryStream(path: string, fd: number, e: ZipEntry): Readable {
  const head = Buffer.alloc(30);
  readSync(fd, head, 0, 30, e.localOffset);
  if (head.readUInt32LE(0) !== 0x04034b50) throw new Error(`gazetteer import: damaged zip entry ${e.name}`);
  const start = e.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  const raw = createReadStream(path, { start, end: start + e.compressedSize - 1 });
  if (e.method === 0) return raw;
  if (e.method === 8) return raw.pipe(createInflateRaw());
  throw new Error(`gazetteer import: zip entry ${e.name} uses compression method ${e.method}; only stored and deflated entries are read`);
}

function isZip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(4);
    readSync(fd, b, 0, 4, 0);
    return b.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

/** Imports a GeoNames dump into dir (default: the cache's import folder). */
export async function importGeonames(file: string, dir = importsDir(), filter = loadFeatureFilter()): Promise<ImportResult> {
  if (!existsSync(file)) throw new Error(`gazetteer import: no such file "${file}"`);
  const streams: { name: string; stream: Readable }[] = [];
  let fd: number | null = null;
  if (isZip(file)) {
    fd = openSync(file, 'r');
    const entries = zipEntries(fd).filter((e) => /\.txt$/i.test(e.name) && !/readme/i.test(e.name));
    if (!entries.length) throw new Error(`gazetteer import: ${file} holds no GeoNames .txt table`);
    for (const e of entries) streams.push({ name: e.name, stream: zipEntryStream(file, fd, e) });
  } else streams.push({ name: basename(file), stream: createReadStream(file) });

  mkdirSync(dir, { recursive: true });
  const stem = basename(file).replace(/\.(zip|txt|tsv)$/i, '').replace(/[^\w.-]+/g, '_') || 'import';
  const stored = join(dir, `${stem}.tsv`);
  const tmp = `${stored}.${process.pid}.tmp`;
  const out = createWriteStream(tmp, 'utf8');
  let rows = 0;
  let kept = 0;
  try {
    for (const { name, stream } of streams) {
      const rl = createInterface({ input: stream, crlfDelay: Infinity });
      for await (const line of rl) {
        if (!line || line[0] === '#') continue;
        const f = line.split('\t');
        if (f.length < 15) throw new Error(`gazetteer import: ${name} line ${rows + 1} is not a GeoNames row (${f.length} columns, want 19): "${line.slice(0, 80)}"`);
        rows++;
        if (!(filter.classes.has(f[6]) || filter.codes.has(f[7]))) continue;
        if (!Number.isFinite(Number(f[0])) || !Number.isFinite(Number(f[4])) || !Number.isFinite(Number(f[5]))) continue;
        kept++;
        if (!out.write(line + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
      }
    }
  } finally {
    if (fd !== null) closeSync(fd);
    await new Promise<void>((r) => out.end(() => r()));
  }
  renameSync(tmp, stored);
  return { file, stored, rows, kept };
}

/** The imported tables. */
export function listImports(dir = importsDir()): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort() : [];
}

export function removeImport(name: string, dir = importsDir()): boolean {
  const f = join(dir, name.endsWith('.tsv') ? name : `${name}.tsv`);
  if (!existsSync(f)) return false;
  unlinkSync(f);
  return true;
}
