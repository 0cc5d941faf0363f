/**
 * reasonforge's public API. The CLI is a thin shell over these calls.
 */
export { Rational } from './exact/rational.js';
export { ReasonforgeError, isReasonforgeError, type Where } from './errors.js';
export { loadLibrary, loadTemplateFile, DEFAULT_GENERATORS_DIR, type TemplateLibrary } from './template/load.js';
export type { TemplateSpec, VariableSpec, AnswerSpec, Topic } from './template/spec.js';
export { TOPICS } from './template/spec.js';
export type { CompiledTemplate } from './template/compiled.js';
export { GenerationPlan, generateRecords, generateOne, type GenerateConfig, type Shard } from './engine/generate.js';
export { GENERATED_VARIANTS, VARIANT_GROUPS, supportedVariants, unsupportedReasons, parseVariants, type GeneratedVariant } from './engine/variants.js';
export { answerTypeOf } from './variants/answer-type.js';
export { selectTemplates } from './engine/select.js';
export type { Split } from './engine/sampler.js';
export { itemId, parseItemId, type ItemAddress } from './records/ids.js';
export { VARIANT_IDS, isImported, type ProblemRecord, type RecordSource, type VariantId, type Step, type VariantInfo } from './records/problem.js';
export { recordSchemaProblem } from './records/validate-record.js';
export { GENERATOR } from './version.js';

// Checking datasets and templates
export { validateFile, formatDefect, type ValidationReport, type Defect } from './validate/validate-file.js';
export { checkRecord, checkSolutionText } from './validate/check-record.js';
export { lintTemplate, type LintResult, type LintStats, type LintOptions } from './lint/lint-template.js';

// Other evaluators and data
export { EXPORT_FORMATS, exportFormat, loadDataset, writeExport, type ExportFormat, type ExportInput, type ExportedFile } from './export/index.js';
export { importGsm8k, gsm8kRecord, type Gsm8kImportOptions } from './import/gsm8k.js';
export { importGsmPlus, GSM_PLUS_TYPES, type GsmPlusImportOptions } from './import/gsm-plus.js';
export { importGsmSymbolicData, type GsmSymbolicDataOptions, type GsmSymbolicKind } from './import/gsm-symbolic-data.js';
export { importedRecord, type ImportOutcome, type ImportedItem } from './import/imported-record.js';
export { canonicalAnswer, findFinalAnswer } from './import/final-answer.js';
export { auditFile, summarize, type AuditReport } from './audit/audit-file.js';
export { auditRecord } from './audit/audit-record.js';
export { formatFinding, type Finding } from './audit/findings.js';
export { VERIFIER_CHECKERS } from './audit/default-checker.js';
export type { AuditCheckers, CheckedAnnotation } from './audit/checker.js';
export { loadGsmSymbolic, translateTemplate, checkDefaults, importedId, Untranslatable } from './gsm-symbolic/index.js';

// Verifying model outputs (fast-check arbitraries live in `reasonforge/arbitraries`, as fast-check is an optional peer)
export {
  verify,
  extractAnswer,
  EXTRACTION_STRATEGIES,
  parseAnswer,
  normalizeAnswer,
  equivalent,
  compareAnswers,
  checkSteps,
  checkAnnotations,
  findClaims,
  UNANSWERABLE_PHRASES,
  type Verdict,
  type VerifyOptions,
  type VerdictReason,
  type VerdictStrategy,
  type ExtractedAnswer,
  type ExtractionStrategy,
  type ParsedAnswer,
  type EquivalenceOptions,
  type Match,
  type MatchReason,
  type ReferenceForm,
  type StepCheck,
  type StepItem,
  type WrongStep,
  type ReferenceValues,
  type AnnotationCheck,
  type Claim,
} from './verify/index.js';
export { evaluateArithmetic, tryEvaluateArithmetic, type ArithmeticOptions, type ArithmeticResult } from './exact/arith.js';

// Scoring (the HTML report is its own entry point, `reasonforge/report`, as it loads vega)
export { scoreFiles, formatMetrics, type ScoreOptions } from './score/score.js';
export { verifierJudge } from './score/verifier-judge.js';
export type { Judge, SampleVerdict } from './score/judge.js';
export { passAtK } from './score/pass-at-k.js';
export { majAtK, type Votes, type MajSampling } from './score/maj-at-k.js';
export { bootstrapMeans, type Interval } from './score/bootstrap.js';
export { bootstrapRatio } from './score/ratio-bootstrap.js';
export { gsmPlusFigures, type PairFigure } from './score/pair-figures.js';
export { signFlipTest, type SignFlipResult } from './score/sign-flip.js';
export { spreadOverSets, type Spread, type SetAccuracy } from './score/spread.js';
export { Rng } from './score/rng.js';
export { parsePrediction, type PredictionLine } from './score/predictions.js';
export type { Metrics, Coverage, ItemRow } from './score/metrics.js';
export type { GroupMetrics } from './score/group.js';
export { renderMarkdown } from './report/markdown.js';
export { loadMetrics, checkMetrics } from './report/load-metrics.js';
export { dropSentence } from './report/headlines.js';

// Prompts, running models and comparing them (compare's HTML page is in `reasonforge/report`)
export {
  DEFAULT_TEMPLATE,
  promptTemplate,
  loadPromptTemplate,
  renderQuestion,
  completionPrompt,
  chatMessages,
  selectFewshot,
  checkFewshotDisjoint,
  type PromptTemplate,
  type ChatMessage,
} from './prompt/index.js';
export { runModel, type RunOptions, type RunSummary } from './run/run.js';
export { defaultRetryPolicy, type RetryPolicy } from './run/retry.js';
export type { Endpoint } from './run/client.js';
export type { SampleLine, SampleFailure } from './run/engine.js';
export type { RunRecord } from './run/record.js';
export {
  compareModels,
  loadComparison,
  parseModelSpecs,
  passCurve,
  headlineSentences,
  renderComparisonMarkdown,
  type Comparison,
  type CompareOptions,
  type Crossover,
  type Difference,
} from './compare/index.js';
