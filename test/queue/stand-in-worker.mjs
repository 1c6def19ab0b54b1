// A stand-in analysis worker for the queue tests: "THROW" in the text fails, "HANG" never finishes,
// anything else comes back as an analysis with nothing found.
import { parentPort } from 'node:worker_threads';
// as the real worker does once its resources are loaded: the pool's clock starts after this
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, doc }) => {
  if (doc.text.includes('HANG')) for (;;);
  if (doc.text.includes('THROW')) return parentPort.postMessage({ id, ok: false, message: 'stage blew up' });
  const none = { sentences: [], places: [], actors: [], statements: [], claims: [], events: [], framing: [], dates: [], errors: [], timings: {} };
  parentPort.postMessage({ id, ok: true, analysis: { document: doc, referenceDate: doc.published ?? null, ...none } });
});
