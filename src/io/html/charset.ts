// The character set of a web page or feed: a byte order mark, then the HTTP Content-Type, then a
// <meta charset> or XML declaration in the first 4 KB, else UTF-8 when the bytes are valid UTF-8,
// else windows-1252 (what browsers assume). Windows-1256 and ISO-8859-x pages still exist.

export interface Decoded {
  text: string;
  charset: string;
  /** Where the charset came from. */
  from: 'bom' | 'header' | 'meta' | 'utf-8 valid' | 'default';
  /** Set when the declared charset did not fit the bytes. */
  warning?: string;
}

function validUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m?.[1];
}

export function decodeMarkup(bytes: Buffer, contentType?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', from: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le', from: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be', from: 'bom' };
  const header = charsetOfContentType(contentType);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  // A page that says UTF-16 in ASCII bytes is not UTF-16.
  const declared: [string | undefined, 'header' | 'meta'][] = [
    [header, 'header'],
    [meta && !/^utf-?16/i.test(meta) ? meta : undefined, 'meta'],
  ];
  let rejected: string | undefined;
  for (const [label, from] of declared) {
    const d = label ? decoderFor(label) : null;
    if (!d) continue;
    // Declared UTF-8 over bytes that are not UTF-8: the declaration is wrong; try the next clue.
    if (d.encoding === 'utf-8' && !validUtf8(bytes)) {
      rejected ??= `${from} says ${label}`;
      continue;
    }
    const out: Decoded = { text: d.decode(bytes), charset: d.encoding, from };
    if (rejected) out.warning = `wrong charset: the ${rejected} but the bytes are not UTF-8; read as ${d.encoding} (${from})`;
    return out;
  }
  if (validUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', from: 'utf-8 valid' };
  const out: Decoded = { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252', from: 'default' };
  if (rejected) out.warning = `wrong charset: the ${rejected} but the bytes are not UTF-8; read as windows-1252`;
  return out;
}
