// Plain text: the whole input is one article, paragraphs one per line.
import { basename, extname } from 'node:path';
import { decode, finishArticle } from '../record.js';
import type { InputItem, Reader } from '../types.js';

export const textReader: Reader = {
  kind: 'text',
  extensions: ['.txt', '.text'],
  contentTypes: ['text/plain', 'text/markdown'],
  *read(src, opts): Iterable<InputItem> {
    const text = decode(src.bytes(), src.name);
    if (!text.ok) {
      yield text;
      return;
    }
    const id = src.path ? basename(src.path, extname(src.path)) : src.url ?? 'stdin';
    yield finishArticle({ id, text: text.value, url: src.url, from: { text: 'text' } }, opts, { file: src.name });
  },
};
