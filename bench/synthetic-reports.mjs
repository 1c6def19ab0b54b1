// The "reports" shape of bench/synthetic-ledger.mjs: a monitoring desk's ledger made in the database
// by generate_series. Incidents (a town, a day, a toll) each reported by REPORTS documents of
// different outlets over the following days, each report a few sentences whose claims have their
// spans in its text and a place row for the town they name, so that the figure board groups them as
// it groups real reports. Sources are organisations or the town's own council. Each report ends with a
// background paragraph of 200 pseudo-words of its own.
const PREFIXES = ['Kafr', 'Tell', 'Ain', 'Deir', 'Khan', 'Jisr', 'Maarat', 'Beit', 'Ras', 'Umm'];
const ROOTS = ['Nabl', 'Hamr', 'Suwayd', 'Barak', 'Ruhayb', 'Zayt', 'Qasim', 'Hadid', 'Salq', 'Tamr', 'Jaww', 'Zarb', 'Harb', 'Mashr', 'Dabb', 'Khalf', 'Qurn', 'Sarj', 'Faww', 'Ghazl', 'Luff', 'Mazr', 'Najm', 'Qatr', 'Rimm', 'Shams', 'Tarf', 'Wadd', 'Yabr', 'Zahr', 'Bust', 'Dawr', 'Fakh', 'Hulb', 'Jabb', 'Kurr', 'Marj', 'Nahr', 'Qaws', 'Rahb'];
const SUFFIXES = ['a', 'iyeh', 'un', 'at', 'an'];
const OUTLETS = ['Levant', 'Orontes', 'Euphrates', 'Northern', 'Coastal', 'Desert', 'Valley', 'Border', 'Free', 'Capital'].flatMap((a) => ['Wire', 'Daily', 'Monitor', 'Times'].map((b) => `${a} ${b}`));
const SOURCES = ['the Syrian Observatory for Human Rights', 'the civil defence', 'the health ministry', 'the Red Crescent', 'a hospital director', 'medics', 'residents', 'the provincial governor', 'a monitoring group', 'the defence ministry', 'rescue workers', 'the United Nations'];
/** Words of the background paragraph that makes each report its own prose (pseudo-words: 400 of them). */
const FILLER = ['ba', 'ke', 'lo', 'mi', 'nu', 'ra', 'se', 'ti', 'vo', 'za', 'dor', 'fen', 'gal', 'hum', 'jor', 'kas', 'lim', 'mot', 'nar', 'pel'].flatMap((a, i, all) => all.map((b) => a + b + (i % 3 ? 'a' : 'en')));
export const REPORTS = 4;
const TOWNS = 2000;
const DAYS = 3650;

/** The claims of a report: [idx, category, who, the words before the number, the number (SQL), the words after]. */
const CLAIMS = [
  [0, 'killed', 'people', 'killing ', 'n', ' people'],
  [1, 'killed', 'children', 'including ', 'c', ' children'],
  [2, 'injured', 'people', 'wounding ', 'w', ' people'],
  [3, 'injured', 'children', 'among them ', 'ic', ' children'],
  [4, 'displaced', 'families', '', 'f', ' families fled'],
  [5, 'detained', 'men', '', 'dm', ' men were detained'],
  [6, 'missing', 'people', '', 'm', ' people are missing'],
  [7, 'killed', 'fighters', '', 'g', ' fighters were killed'],
  [8, 'vehicles', 'trucks', '', 'v', ' trucks were destroyed'],
  [9, 'injured', 'medics', '', 'h', ' medics were injured'],
];

export async function buildReports(db, docs) {
  const incidents = Math.ceil(docs / REPORTS);
  // r: report 0..REPORTS-1 of incident k, published r days after it; its toll rises with r for a third of the incidents
  await db.query(
    `
    CREATE TEMP TABLE syn AS
    SELECT i, k, r, t, day, published, outlet, src,
           ($3::text[])[1 + t % 10] || ' ' || ($4::text[])[1 + (t / 10) % 40] || ($5::text[])[1 + (t / 400) % 5] AS town,
           n, 1 + n / 5 AS c, 2 * n + r AS w, 1 + (2 * n + r) / 6 AS ic, 10 + k % 200 AS f, 1 + k % 9 AS dm, 1 + k % 7 AS m, 1 + k % 12 AS g, 1 + k % 4 AS v, 1 + k % 3 AS h
    FROM (
      SELECT i, k, r, (k * 7919) % ${TOWNS} AS t,
             to_char(date '2016-01-01' + (k % ${DAYS}), 'YYYY-MM-DD') AS day,
             to_char(date '2016-01-01' + (k % ${DAYS}) + r, 'YYYY-MM-DD') AS published,
             ($2::text[])[1 + (k + r * 7) % 40] AS outlet,
             ($6::text[])[1 + (k * 5 + r) % 12] AS src,
             5 + (k * 37) % 80 + r * (k % 3) AS n
      FROM (SELECT i, (i - 1) % $7::int AS k, (i - 1) / $7::int AS r FROM generate_series(1, $1::int) i) x
    ) y`,
    [docs, OUTLETS, PREFIXES, ROOTS, SUFFIXES, SOURCES, incidents],
  );
  // (the background paragraph: news reports are mostly their own prose, not a shared template, which is
  // what the near-duplicate detection of the board relies on)
  await db.query('ALTER TABLE syn ADD COLUMN text text');
  await db.query(`
    UPDATE syn SET text = upper(town) || ', Syria (' || outlet || ') - Shelling hit ' || town || ' on ' || day || ', killing ' || n || ' people, including ' || c
      || ' children, and wounding ' || w || ' people, among them ' || ic || ' children, ' || CASE WHEN k % 3 = 0 THEN 'the ' || town || ' council' ELSE src END || ' said. '
      || f || ' families fled the town and ' || dm || ' men were detained. ' || m || ' people are missing. ' || g || ' fighters were killed and ' || v
      || ' trucks were destroyed. ' || h || ' medics were injured. '
      || (SELECT string_agg(($1::text[])[1 + abs(hashtext(syn.i || ':' || g)) % 400], ' ') FROM generate_series(1, 200) g) || '.'`, [FILLER]);
  await db.query(`
    INSERT INTO documents (id, hash, title, outlet, published, url, reference_date, origin, ingested_at, text)
    SELECT 'syn-' || i, md5('syn' || i), 'Shelling hits ' || town, outlet, published, NULL, published, 'null', now()::text, text FROM syn ORDER BY i`);
  await db.query(`
    INSERT INTO analyses (doc_key, lang, errors, timings, n_claims, n_places, n_actors, n_statements, n_events, n_framing, n_sentences, analysed_at, pipeline_version)
    SELECT key, 'en', '[]', '{}', 10, 1, 0, 0, 0, 0, 5, now()::text, 'synthetic' FROM documents`);
  // the town as the dateline names it again in the first sentence (the claims' place)
  await db.query(`
    INSERT INTO places (doc_key, idx, start, "end", text, name, geoname_id, country, lat, lon, kind, admin1, precision, qualifier, parent, candidates, evidence)
    SELECT d.key, 0, p.s, p.s + length(s.town), s.town, s.town, 9000000 + s.t, 'SY', 32.0 + (s.t / 40) * 0.3, 35.5 + (s.t % 40) * 0.4, 'town', 'SY' || lpad((s.t % 14)::text, 2, '0'),
           1, NULL, NULL, '[]', '[{"rule":"synthetic","span":{"start":' || p.s || ',"end":' || (p.s + length(s.town)) || '}}]'
    FROM syn s JOIN documents d ON d.id = 'syn-' || s.i, LATERAL (SELECT strpos(s.text, 'hit ' || s.town) + 3 AS s) p`);
  const values = CLAIMS.map(([j, cat, who, before, num, after]) => `(${j}, '${cat}', '${who}', '${before}', '${num}', '${after}')`).join(', ');
  const number = (col) => `CASE q.num ${['n', 'c', 'w', 'ic', 'f', 'dm', 'm', 'g', 'v', 'h'].map((x) => `WHEN '${x}' THEN s.${x}`).join(' ')} END`;
  await db.query(`
    INSERT INTO claims (doc_key, idx, start, "end", text, quantity, value_min, value_max, approx, category, who, source_name, source_id, source,
                        hedged, place_name, place_geoname_id, place, lat, lon, country, precision, date, date_until, day, sentence, search, evidence)
    SELECT d.key, q.j, x.st, x.st + length(x.needle), x.needle,
           '{"start":' || (x.st + length(q.before)) || ',"end":' || (x.st + length(q.before) + length(x.v::text)) || ',"text":"' || x.v || '"}',
           x.v, x.v, 0, q.cat, q.who, x.src, NULL, '{"name":' || to_json(x.src)::text || '}', 0,
           s.town, 9000000 + s.t, '{"name":' || to_json(s.town)::text || ',"text":' || to_json(s.town)::text || ',"geonameId":' || (9000000 + s.t) || ',"start":' || pl.start || ',"end":' || pl."end" || '}',
           pl.lat, pl.lon, 'SY', 1, s.day, NULL, s.day, CASE WHEN q.j < 4 THEN 0 ELSE 1 END,
           lower(x.needle || ' ' || x.src || ' ' || s.town), '[]'
    FROM syn s
    JOIN documents d ON d.id = 'syn-' || s.i
    JOIN places pl ON pl.doc_key = d.key AND pl.idx = 0
    CROSS JOIN (VALUES ${values}) AS q(j, cat, who, before, num, after)
    CROSS JOIN LATERAL (SELECT ${number('num')} AS v) n
    CROSS JOIN LATERAL (SELECT q.before || n.v || q.after AS needle, n.v AS v,
                               CASE WHEN s.k % 3 = 0 THEN 'the ' || s.town || ' council' ELSE s.src END AS src) x0
    CROSS JOIN LATERAL (SELECT x0.needle, x0.v, x0.src, strpos(s.text, x0.needle) - 1 AS st) x`);
  await db.query('DROP TABLE syn');
  // every document is for the board to compare (migration 9 marks those stored before it; these came after)
  await db.query(`INSERT INTO board_dirty (doc_key, mark) SELECT key, 0 FROM documents ON CONFLICT (doc_key) DO NOTHING`);
  await db.query('ANALYZE');
}
