// The version of the computer's play: raised whenever a change makes the AI choose other moves from
// the same state (its search, its rules of conduct, its levels). docs/balance.md names the rules and
// AI versions it was measured with, and a test fails until `npm run balance` has measured again.
export const AI_VERSION = 19;
