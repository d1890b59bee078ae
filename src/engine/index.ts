// The engine's public API: everything the AI, the store, the tools and the tests use.
export { type AiMoveContext, describeAiMove } from './ai-reason';
export type {
  Analysis,
  EvaluatedProposal,
  Outcome,
  Swing,
  TimelineItem,
  TurnPoint,
  Unevaluated,
} from './analysis';
export { analyseGame, evaluatePackage, missedDeals, paretoFrontier, replayStates } from './analysis';
export type { PromiseRecord } from './conditions';
export { dealInForce, holds, promiseRecords } from './conditions';
export { utilities, utility } from './effects';
export type { CardLine } from './explain';
export { describeCard, explainHand, headline } from './explain';
export { canonicalJson, contentHash, hashText } from './hash';
export type { HistoryLine, PlayedStep, StepStatus } from './history';
export { HISTORY_SETUP, historyLine, levelLabel } from './history';
export type { Dice } from './kernel';
export { advance, holdStill } from './kernel';
export {
  clauseId,
  clauseOptions,
  legalMoves,
  orderSets,
  proposalCandidates,
  singleOrders,
} from './legal';
export type { Card, Hand, Leverage, LeverageInput } from './leverage';
export { handOf, levelUtility, leverage } from './leverage';
export type { ObjectiveStatus, ObjectiveWhy } from './objectives';
export { objectiveStatus } from './objectives';
export { afterOrders, draw } from './preview';
export type {
  OrdersBaseline,
  OrdersPreview,
  PackagePreview,
  Projected,
  Refused,
  SignRefused,
} from './projection';
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
} from './projection';
export { applyMove } from './reducer';
export type { GameRecord, ReplayResult } from './replay';
export { replay, undo } from './replay';
export { seedStreams } from './rng';
export type { Rules } from './rules';
export { dateOf, isEpilogue, rulesFor, turnOf } from './rules';
export type { NoDealLine, ObjectiveResult, Score, SideScore } from './scoring';
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
} from './scoring';
export { newGame } from './state';
export * from './types';
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
} from './validate';
export { RULES_VERSION } from './version';
export type { View, Viewer } from './view';
export { viewFor } from './view';
export type { Asking } from './waiting';
export { waitingOn } from './waiting';
export { conditionText, eventTitle, fmtDate, instName, levelText, pct, promiseName } from './words';
