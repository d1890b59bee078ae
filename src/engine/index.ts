// The engine's public API: everything the AI, the store, the tools and the tests use.
export { type AiMoveContext, describeAiMove } from './ai-reason.ts';
export type {
  Analysis,
  EvaluatedProposal,
  Outcome,
  Swing,
  TimelineItem,
  TurnPoint,
  Unevaluated,
} from './analysis.ts';
export { analyseGame, evaluatePackage, missedDeals, paretoFrontier, replayStates } from './analysis.ts';
export type { PromiseRecord } from './conditions.ts';
export { dealInForce, holds, promiseRecords } from './conditions.ts';
export { utilities, utility } from './effects.ts';
export type { CardLine } from './explain.ts';
export { describeCard, explainHand, headline } from './explain.ts';
export { canonicalJson, contentHash, hashText } from './hash.ts';
export type { HistoryLine, PlayedStep, StepStatus } from './history.ts';
export { HISTORY_SETUP, historyLine, levelLabel } from './history.ts';
export type { Dice } from './kernel.ts';
export { advance, holdStill } from './kernel.ts';
export {
  clauseId,
  clauseOptions,
  legalMoves,
  orderSets,
  proposalCandidates,
  singleOrders,
} from './legal.ts';
export type { Card, Hand, Leverage, LeverageInput } from './leverage.ts';
export { handOf, levelUtility, leverage, leverageOnce } from './leverage.ts';
export type { ObjectiveStatus, ObjectiveWhy } from './objectives.ts';
export { objectiveStatus } from './objectives.ts';
export { afterOrders, draw } from './preview.ts';
export type {
  OrdersBaseline,
  OrdersPreview,
  PackagePreview,
  Projected,
  Refused,
  SignRefused,
} from './projection.ts';
export {
  diceOf,
  evaluateUnder,
  heldFrom,
  ordersBaseline,
  PREVIEW_SEEDS,
  previewOrders,
  previewPackage,
  projected,
  sign,
  standing,
  stateFromView,
} from './projection.ts';
export { type Recent, recentCache } from './recent.ts';
export { applyMove } from './reducer.ts';
export type { GameRecord, ReplayResult } from './replay.ts';
export { replay, undo } from './replay.ts';
export { seedStreams } from './rng.ts';
export type { Rules } from './rules.ts';
export { dateOf, isEpilogue, rulesFor, turnOf } from './rules.ts';
export type { NoDealLine, ObjectiveResult, Score, SideScore } from './scoring.ts';
export {
  deliveredShare,
  noDealFinal,
  noDealLine,
  noDealLoss,
  OBJECTIVES_CAP,
  objectivesOf,
  score,
  scorePoints,
  unscorable,
} from './scoring.ts';
export { newGame } from './state.ts';
export * from './types.ts';
export {
  agreedIn,
  checkMove,
  clauseGiver,
  crossedRedLine,
  isNewsText,
  isSetup,
  MAX_CLAUSES,
  PROPOSALS_PER_TURN,
  pendingReadout,
} from './validate.ts';
export { RULES_VERSION } from './version.ts';
export type { View, Viewer } from './view.ts';
export { viewFor } from './view.ts';
export type { Asking } from './waiting.ts';
export { waitingOn } from './waiting.ts';
export { conditionText, eventTitle, fmtDate, instName, levelText, pct, promiseName } from './words.ts';
