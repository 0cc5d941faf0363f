import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/** The package's own directories, found from this module whether it runs from src/ or dist/. */
export const PACKAGE_ROOT = new URL('../', import.meta.url);
export const SCHEMAS_DIR = new URL('schemas/', PACKAGE_ROOT);

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const compiled = new Map<string, ValidateFunction>();

/** A compiled validator for schemas/<name>.schema.json, built once per process. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(new URL(`${name}.schema.json`, SCHEMAS_DIR), 'utf8')) as object;
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/**
 * The one ajv error worth showing: the deepest, since a failed oneOf also
 * reports every branch it tried, and the deepest is the branch the author meant.
 */
export function mostSpecificError(errors: readonly ErrorObject[]): { pointer: string; message: string } {
  const ranked = [...errors].sort(
    (a, b) => depth(b.instancePath) - depth(a.instancePath) || rank(a.keyword) - rank(b.keyword),
  );
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
