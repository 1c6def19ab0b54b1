// A small RFC 4180 CSV reader: quoted fields may hold the delimiter, doubled quotes and line
// breaks; CRLF or LF line ends. Returns rows of strings; the caller maps the header.

/** Rows with the 1-based line each starts on. */
export function parseCsvRows(text: string, delimiter = ','): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const n = text.length;
  const d = delimiter;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy up to the next quote in one slice (long quoted article texts).
      let j = text.indexOf('"', i);
      if (j < 0) j = n;
      const chunk = text.slice(i, j);
      for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
      field += chunk;
      i = j;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === d) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      field = '';
      rows.push({ cells: row, line: rowLine });
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push({ cells: row, line: rowLine });
  }
  return rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}

export function parseCsv(text: string, delimiter = ','): string[][] {
  return parseCsvRows(text, delimiter).map((r) => r.cells);
}

/** Rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const rows = parseCsv(text);
  const header = rows.shift() ?? [];
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}
