// The scenario loader as one chunk, imported dynamically by file-loader.ts: it brings the YAML
// parser and zod, which the menu never needs for the shipped (pre-validated) scenarios.
export { formatDiagnostic } from '../scenario/diagnostic.ts';
export { loadScenario } from '../scenario/load.ts';
