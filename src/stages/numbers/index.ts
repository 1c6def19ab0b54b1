// Stage "numbers": first version pending (see the issues). Declares its contract so the order is checked.
import type { Analysis } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';

export const numbersStage: Stage = {
  name: 'numbers',
  requires: ['sentences','tokens'],
  assigns: ['quantities'],
  run(_a: Analysis, _r: Resources) {},
};
