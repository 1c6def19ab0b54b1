// The stage contract: each stage declares what it needs and what it produces, and fills its fields of
// the Analysis. Stages never modify Document.text.
import type { Analysis, AnalysisField } from '../core/types.js';
import type { Resources } from './resources.js';

export interface Stage {
  readonly name: string;
  /** Fields of the Analysis this stage reads (checked when the pipeline is built). */
  readonly requires: readonly AnalysisField[];
  /** Fields this stage writes (or refines). */
  readonly assigns: readonly AnalysisField[];
  run(analysis: Analysis, resources: Resources): void;
}
