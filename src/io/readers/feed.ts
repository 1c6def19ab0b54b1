import type { Reader } from '../types.js';
export const feedReader: Reader = { kind: 'feed', extensions: ['.rss', '.atom', '.xml'], contentTypes: [], sniff: () => false, read: () => [] };
