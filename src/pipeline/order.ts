// The order of the stages, in one place. Each line says why the stage sits where it does.
import type { Stage } from './stage.js';
import { sentencesStage } from '../stages/sentences/index.js';
import { numbersStage } from '../stages/numbers/index.js';
import { datesStage } from '../stages/dates/index.js';
import { placesStage } from '../stages/places/index.js';
import { actorsStage } from '../stages/actors/index.js';
import { statementsStage } from '../stages/statements/index.js';
import { claimsStage } from '../stages/claims/index.js';
import { eventsStage } from '../stages/events/index.js';
import { framingStage } from '../stages/framing/index.js';

export const STAGES: readonly Stage[] = [
  // sentences and tokens first: every later stage works within sentence bounds and over tokens
  sentencesStage,
  // numbers before dates: dates need to know which numbers are years and days, numbers mark them non-counts
  numbersStage,
  // dates early: the dateline fixes the reference date that claims resolve "on Monday" against
  datesStage,
  // places before actors: organisation names that contain a place ("Aleppo Media Center") are
  // settled by the actors stage, which removes places inside actor names
  placesStage,
  actorsStage,
  // statements need resolved actors to name the speaker
  statementsStage,
  // claims need quantities, dates, places and the statements that attribute them
  claimsStage,
  // events group claims, places, actors and dates
  eventsStage,
  // framing last: it reads actor labels and loaded terms and changes nothing else
  framingStage,
];
