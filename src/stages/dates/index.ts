// Stage "dates": first version pending (see the issues). Declares its contract so the order is checked.
import type { Analysis } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';

export const datesStage: Stage = {
  name: 'dates',
  requires: ['sentences','tokens'],
  assigns: ['dates','referenceDate'],
  run(_a: Analysis, _r: Resources) {},
};
