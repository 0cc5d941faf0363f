/**
 * `reasonforge compare`: several models' runs on one dataset, paired item by
 * item. The HTML page is in html.ts (it loads vega); everything else is here.
 */
export {
  compareModels,
  reportKs,
  COMPARISON_FORMAT,
  COMPARISON_FORMAT_VERSION,
  type Comparison,
  type CompareOptions,
  type GroupComparison,
  type ModelSummary,
} from './compare.js';
export { loadComparison, parseModelSpecs, type ComparisonInput, type ComparedModel, type ModelSpec } from './inputs.js';
export { passCurve, CurveCache } from './curve.js';
export { crossover, type Crossover } from './crossover.js';
export { pairedDifference, figure, type Difference, type Figure, type StatOptions } from './paired.js';
export type { FamilyComparison, PairComparison } from './families.js';
export type { DropComparison } from './drops.js';
export type { CoverageComparison } from './coverage.js';
export type { RunSpread } from './run-spread.js';
export { headlineSentences } from './sentences.js';
export { renderComparisonMarkdown, comparisonTables } from './markdown.js';
