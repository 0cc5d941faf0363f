import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Ajv from 'ajv/dist/2020.js';
import type { ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';

/** The package's own directories, found from this module whether it runs from src/ or dist/. */
export const PACKAGE_ROOT = new URL('../', import.meta.url);
export const SCHEMAS_DIR = new URL('schemas/', PACKAGE_ROOT);

/** The validators' options, shared by the build's precompiled code (scripts/compile-schemas.ts) and compiling at run time. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true };

/** Where the build writes schemas/<name>.schema.json compiled to code: dist/validators/<name>.cjs. */
export const PRECOMPILED_DIR = new URL('validators/', import.meta.url);

const require = createRequire(import.meta.url);
const compiled = new Map<string, ValidateFunction>();
const schemaTexts = new Map<string, string>();

function schemaText(name: string): string {
  let text = schemaTexts.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.schema.json`, SCHEMAS_DIR), 'utf8');
    schemaTexts.set(name, text);
  }
  return text;
}

export function schemaSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A validator for schemas/<name>.schema.json, built once per process: the
 * build's precompiled code when it was made from this very schema text,
 * otherwise compiled here (from src/, or after a schema edit without a
 * build). Compiling costs about a fifth of a second, which every command
 * would otherwise pay at start-up; ajv itself is loaded only then.
 */
export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    const text = schemaText(name);
    validate = precompiledValidator(fileURLToPath(new URL(`${name}.cjs`, PRECOMPILED_DIR)), text) ?? compile(text);
    compiled.set(name, validate);
  }
  return validate;
}

/** The validator compiled to `file` by the build, if it was made from exactly `schemaText`. */
export function precompiledValidator(file: string, schemaText: string): ValidateFunction | undefined {
  if (!existsSync(file)) return undefined;
  const module = require(file) as { default: ValidateFunction; schemaSha256: string };
  return module.schemaSha256 === schemaSha256(schemaText) ? module.default : undefined;
}

/**
 * What the build found valid, written beside the validators as
 * <name>.valid.json: the sha256 of the schema text and of each document it
 * checked (the built-in templates). The same bytes checked against the same
 * schema give the same verdict, so these need no second check at run time;
 * any other text, or any schema edit, is checked as usual.
 */
export interface BuildVerdicts {
  readonly schemaSha256: string;
  readonly valid: readonly string[];
}

const verdicts = new Map<string, ReadonlySet<string>>();

/** Whether the build already found exactly `documentText` valid against the current schemas/<name>.schema.json. */
export function validAtBuild(name: string, documentText: string): boolean {
  let valid = verdicts.get(name);
  if (valid === undefined) {
    valid = buildVerdicts(fileURLToPath(new URL(`${name}.valid.json`, PRECOMPILED_DIR)), schemaText(name));
    verdicts.set(name, valid);
  }
  return valid.size > 0 && valid.has(schemaSha256(documentText));
}

/** The documents recorded in `file` as valid, if it was made from exactly `schemaText`; otherwise none. */
export function buildVerdicts(file: string, schemaText: string): ReadonlySet<string> {
  if (!existsSync(file)) return new Set();
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as BuildVerdicts;
  return recorded.schemaSha256 === schemaSha256(schemaText) ? new Set(recorded.valid) : new Set();
}

let ajv: { compile(schema: object): ValidateFunction } | undefined;

function compile(text: string): ValidateFunction {
  if (ajv === undefined) {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof Ajv;
    ajv = new Ajv2020(AJV_OPTIONS);
  }
  return ajv.compile(JSON.parse(text) as object);
}

/**
 * The one ajv error worth showing: the deepest, since a failed oneOf also
 * reports every branch it tried, and the deepest is the branch the author meant.
 */
export function mostSpecificError(errors: readonly ErrorObject[]): { pointer: string; message: string } {
  const ranked = [...errors].sort((a, b) => depth(b.instancePath) - depth(a.instancePath) || rank(a.keyword) - rank(b.keyword));
  const error = ranked[0]!;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') message = `has an unknown property "${String(error.params['additionalProperty'])}"`;
  if (error.keyword === 'enum') message = `must be one of: ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return { pointer: error.instancePath === '' ? '/' : error.instancePath, message };
}

function depth(pointer: string): number {
  return pointer.split('/').length;
}

function rank(keyword: string): number {
  return keyword === 'oneOf' || keyword === 'anyOf' ? 2 : keyword === 'required' ? 1 : 0;
}
