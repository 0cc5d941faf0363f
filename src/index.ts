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
export { GENERATED_VARIANTS, supportedVariants, parseVariants, type GeneratedVariant } from './engine/variants.js';
export { selectTemplates } from './engine/select.js';
export type { Split } from './engine/sampler.js';
export { itemId, parseItemId, type ItemAddress } from './records/ids.js';
export { VARIANT_IDS, type ProblemRecord, type VariantId, type Step, type VariantInfo } from './records/problem.js';
export { recordSchemaProblem } from './records/validate-record.js';
export { GENERATOR } from './version.js';
