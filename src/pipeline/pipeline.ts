// Runs the stages in their declared order over one document. A stage that throws is recorded on the
// document's analysis (errors[]) and the remaining stages still run on what is there.
import './jit.js';
import { emptyAnalysis, type Analysis, type AnalysisField, type Document } from '../core/types.js';
import { Resources } from './resources.js';
import type { Stage } from './stage.js';
import { STAGES } from './order.js';
import { DEFAULT_LANGUAGE, languageFor, readLanguages } from '../lang/index.js';
import { detectLanguage } from '../lang/detect.js';

const READABLE = readLanguages().map((l) => l.code);

export class Pipeline {
  readonly stages: readonly Stage[];
  readonly resources: Resources;

  constructor(stages: readonly Stage[] = STAGES, resources: Resources = new Resources()) {
    checkOrder(stages);
    this.stages = stages;
    this.resources = resources;
  }

  /** A document in a language Sitrep does not read gets its language and an empty analysis (see isUnread). */
  analyze(doc: Document): Analysis {
    const t0 = performance.now();
    const lang = doc.lang ?? detectLanguage(doc.text, READABLE) ?? DEFAULT_LANGUAGE;
    const analysis = emptyAnalysis(doc, lang);
    analysis.timings.language = performance.now() - t0;
    if (!languageFor(lang)) return analysis;
    for (const stage of this.stages) {
      const t0 = performance.now();
      try {
        stage.run(analysis, this.resources);
      } catch (err) {
        analysis.errors.push({ stage: stage.name, message: err instanceof Error ? err.message : String(err) });
      }
      analysis.timings[stage.name] = (analysis.timings[stage.name] ?? 0) + performance.now() - t0;
    }
    return analysis;
  }
}

/** Every field a stage requires must be assigned by an earlier stage. */
export function checkOrder(stages: readonly Stage[]): void {
  const assigned = new Set<AnalysisField>(['referenceDate']);
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!assigned.has(need)) throw new Error(`pipeline: stage "${stage.name}" requires "${need}", which no earlier stage assigns`);
    }
    for (const field of stage.assigns) assigned.add(field);
  }
}
