// Stage "statements": first version pending (see the issues). Declares its contract so the order is checked.
import type { Analysis } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';

export const statementsStage: Stage = {
  name: 'statements',
  requires: ['sentences','tokens','actors'],
  assigns: ['statements'],
  run(_a: Analysis, _r: Resources) {},
};
