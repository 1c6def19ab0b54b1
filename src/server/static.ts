// The dashboard's files (web/) and its vendored offline assets: Leaflet and leaflet.markercluster (the map),
// topojson-client and the Natural Earth shapes from world-atlas (its base layer), d3 and Observable Plot
// (charts), served from node_modules so nothing is fetched from the network.
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../core/paths.js';
import { send } from './http.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return join(projectRoot(), 'node_modules', name);
  }
}

export class StaticFiles {
  private readonly webDir = join(projectRoot(), 'web');
  private readonly vendor: Record<string, () => string> = {
    '/vendor/topojson-client.js': () => join(packageDir('topojson-client'), 'dist', 'topojson-client.min.js'),
    '/vendor/countries-50m.json': () => join(packageDir('world-atlas'), 'countries-50m.json'),
    '/vendor/countries-110m.json': () => join(packageDir('world-atlas'), 'countries-110m.json'),
    '/vendor/countries-10m.json': () => join(packageDir('world-atlas'), 'countries-10m.json'),
    // the map: Leaflet and its marker clusters (UMD, the global L)
    '/vendor/leaflet.js': () => join(packageDir('leaflet'), 'dist', 'leaflet.js'),
    '/vendor/leaflet.css': () => join(packageDir('leaflet'), 'dist', 'leaflet.css'),
    '/vendor/leaflet.markercluster.js': () => join(packageDir('leaflet.markercluster'), 'dist', 'leaflet.markercluster.js'),
    '/vendor/MarkerCluster.css': () => join(packageDir('leaflet.markercluster'), 'dist', 'MarkerCluster.css'),
    // charts: Observable Plot (UMD, needs the global d3)
    '/vendor/d3.js': () => join(packageDir('d3'), 'dist', 'd3.min.js'),
    '/vendor/plot.js': () => join(packageDir('@observablehq/plot'), 'dist', 'plot.umd.min.js'),
  };
  private readonly cache = new Map<string, { mtime: number; body: Buffer; gz: Buffer | undefined }>();

  private resolve(path: string): string | null {
    if (this.vendor[path]) return this.vendor[path]();
    let rel = path === '/' ? '/index.html' : path;
    try {
      rel = decodeURIComponent(rel);
    } catch {
      return null;
    }
    if (rel.includes('\0')) return null;
    const file = normalize(join(this.webDir, rel));
    if (!file.startsWith(this.webDir + sep)) return null;
    return file;
  }

  /** Serves the file for a path; false when there is none. */
  async serve(req: IncomingMessage, res: ServerResponse, path: string, cfg: { tiles?: string }): Promise<boolean> {
    const file = this.resolve(path);
    if (!file) return false;
    let st;
    try {
      st = statSync(file);
    } catch {
      return false;
    }
    if (!st.isFile()) return false;
    let c = this.cache.get(file);
    if (!c || c.mtime !== st.mtimeMs) {
      const body = readFileSync(file);
      c = { mtime: st.mtimeMs, body, gz: body.length > 2048 ? gzipSync(body) : undefined };
      this.cache.set(file, c);
    }
    const ext = extname(file).toLowerCase();
    const headers: Record<string, string> = { 'Cache-Control': path.startsWith('/vendor/') ? 'public, max-age=86400' : 'no-cache' };
    if (ext === '.html') {
      let tileOrigin = '';
      if (cfg.tiles) {
        try {
          tileOrigin = ' ' + new URL(cfg.tiles.replace(/[{}]/g, '')).origin;
        } catch {
          tileOrigin = '';
        }
      }
      headers['Content-Security-Policy'] =
        `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:${tileOrigin}; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`;
      headers['X-Frame-Options'] = 'DENY';
    }
    send(req, res, 200, c.body, TYPES[ext] ?? 'application/octet-stream', headers, c.gz);
    return true;
  }
}
