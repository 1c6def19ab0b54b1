// A stand-in analysis worker for pool.test.ts: "HANG" in the text never finishes, "THROW" fails,
// anything else comes back as an empty analysis.
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, doc }) => {
  if (doc.text.includes('HANG')) for (;;);
  if (doc.text.includes('THROW')) return parentPort.postMessage({ id, ok: false, message: 'stage blew up' });
  parentPort.postMessage({ id, ok: true, analysis: { document: doc, claims: [] } });
});
