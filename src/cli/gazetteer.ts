// sitrep gazetteer <build|import|list|remove|lookup>: the gazetteer cache and the GeoNames dumps merged into it.
import { parseArgs } from 'node:util';
import { buildGazetteer, cachePath, importsDir } from '../geo/build.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import { importGeonames, listImports, removeImport } from '../geo/import.js';
import { UsageError } from './util.js';

export const GAZETTEER_HELP = `Usage: sitrep gazetteer <subcommand> [args]

The gazetteer: GeoNames cities500, admin1/admin2 regions and countries, compiled into a cache
(.cache/gazetteer.bin, or $SITREP_CACHE) on first use; imported GeoNames dumps are merged into it.

Subcommands:
  build                 (re)build the cache now (it is also rebuilt when a source changes), and the
                        language detector's table beside it
  import <file...>      merge GeoNames dumps (a country file such as SY.txt, allCountries, cities1000;
                        plain .txt or the .zip from download.geonames.org) and rebuild
  list                  the imported dumps
  remove <name>         forget an imported dump (as named by list) and rebuild
  lookup <name...>      the entries a name matches, best known first (for checking)

Options:
  -h, --help            this help`;

export async function gazetteerCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
  const [sub, ...args] = positionals;
  if (values.help || !sub) {
    process.stdout.write(GAZETTEER_HELP + '\n');
    return sub || values.help ? 0 : 2;
  }
  const log = (s: string) => process.stderr.write(s + '\n');
  const rebuild = () => {
    const r = buildGazetteer();
    log(`gazetteer: ${r.entries} places, ${r.keys} names, ${(r.bytes / 1e6).toFixed(1)} MB in ${Math.round(r.ms)} ms → ${r.path}`);
  };
  switch (sub) {
    case 'build': {
      rebuild();
      // the language detector's table is compiled into the same cache folder (npm install runs this)
      const { loadEld } = await import('../lang/eld-cache.js');
      loadEld();
      log('language detector table → .cache/lexicons.bin');
      // and the compiled lexicons (the actor dictionary), by the analysis worker as the CLI runs it
      // (bundled or not: each build of the code has its own compiled files)
      const { AnalysisWorker } = await import('../store/ingest/pool.js');
      const worker = new AnalysisWorker(120_000);
      try {
        for (const lang of ['en', 'fr']) await worker.analyze({ id: `compile-${lang}`, text: 'Warm-up.', lang });
        log('compiled lexicons → .cache');
      } catch (e) {
        log(`compiled lexicons: not built (${(e as Error).message}); they are built on first use`);
      } finally {
        await worker.close();
      }
      return 0;
    }
    case 'import': {
      if (!args.length) throw new UsageError('import: give one or more GeoNames files (.txt or .zip)');
      for (const f of args) {
        const r = await importGeonames(f);
        log(`gazetteer: ${f}: ${r.rows} rows, ${r.kept} kept → ${r.stored}`);
      }
      rebuild();
      return 0;
    }
    case 'list':
      for (const f of listImports()) process.stdout.write(f.replace(/\.tsv$/, '') + '\n');
      return 0;
    case 'remove': {
      if (args.length !== 1) throw new UsageError('remove: give the name of one imported dump (see sitrep gazetteer list)');
      if (!removeImport(args[0])) {
        log(`sitrep gazetteer: no imported dump "${args[0]}" in ${importsDir()}`);
        return 1;
      }
      rebuild();
      return 0;
    }
    case 'lookup': {
      if (!args.length) throw new UsageError('lookup: give a name');
      const g = loadGazetteer({ log });
      for (const name of args) {
        const hits = g.lookup(name).map((p) => ({ e: g.entry(p.idx), alt: p.alt }));
        hits.sort((a, b) => b.e.population - a.e.population);
        process.stdout.write(`${name} (key "${g.translit.key(name)}"): ${hits.length} entries\n`);
        for (const { e, alt } of hits.slice(0, 20))
          process.stdout.write(`  ${e.id}\t${e.name}\t${e.country}\t${e.featureClass}.${e.featureCode}\t${e.admin1}\t${e.lat},${e.lon}\tpop ${e.population}\t${e.source}${alt ? '\t(alternate name)' : ''}\n`);
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown subcommand "${sub}" (build, import, list, remove, lookup); cache ${cachePath()}`);
  }
}
