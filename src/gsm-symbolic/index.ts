/** Reading, translating and checking GSM-Symbolic's annotated templates. */
export { loadGsmSymbolic, importedId, type GsmSymbolicImport, type ImportedTemplate, type ImportFailure } from './load.js';
export { translateTemplate, type Translation } from './translate.js';
export { readAnnotatedSource, type AnnotatedSource } from './source.js';
export { checkDefaults, type DefaultsCheck } from './defaults.js';
export { preflight, type PreflightFailure } from './preflight.js';
export { parsePython } from './parse.js';
export { emitExpression, type SymbolKind } from './emit.js';
export { GSM_POOLS } from './pools.js';
export { Untranslatable } from './errors.js';
