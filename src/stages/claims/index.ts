// Stage "claims": first version pending (see the issues). Declares its contract so the order is checked.
import type { Analysis } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['sentences','tokens','quantities','dates','places','actors','statements'],
  assigns: ['claims'],
  run(_a: Analysis, _r: Resources) {},
};
