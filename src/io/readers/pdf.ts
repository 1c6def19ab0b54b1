import type { Reader } from '../types.js';
export const pdfReader: Reader = { kind: 'pdf', extensions: ['.pdf'], contentTypes: ['application/pdf'], sniff: (h) => h.startsWith('%PDF-'), read: () => [] };
