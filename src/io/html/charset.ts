// The character set of a web page or feed: a byte order mark, then the HTTP Content-Type, then a
// <meta charset> or XML declaration in the first 4 KB, else UTF-8 when the bytes are valid UTF-8,
// else windows-1252 (what browsers assume). Windows-1256 and ISO-8859-x pages still exist.

export interface Decoded {
  text: string;
  charset: string;
  /** Where the charset came from. */
  from: 'bom' | 'header' | 'meta' | 'utf-8 valid' | 'default';
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
  const headerDecoder = header ? decoderFor(header) : null;
  if (header && headerDecoder) return { text: headerDecoder.decode(bytes), charset: headerDecoder.encoding, from: 'header' };
  const head = bytes.subarray(0, 4096).toString('latin1');
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  // A page that says UTF-16 in ASCII bytes is not UTF-16.
  const metaDecoder = meta && !/^utf-?16/i.test(meta) ? decoderFor(meta) : null;
  if (meta && metaDecoder) return { text: metaDecoder.decode(bytes), charset: metaDecoder.encoding, from: 'meta' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', from: 'utf-8 valid' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252', from: 'default' };
  }
}
