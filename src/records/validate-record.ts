import { ReasonforgeError } from '../errors.js';
import { mostSpecificError, schemaValidator } from '../schemas.js';
import type { ProblemRecord } from './problem.js';

/** Checks one record against schemas/problem.schema.json; returns the problem or null. */
export function recordSchemaProblem(record: unknown): { pointer: string; message: string } | null {
  const validate = schemaValidator('problem');
  return validate(record) ? null : mostSpecificError(validate.errors ?? []);
}

/** The generator's own guard: a record that fails the schema is our bug and is never written. */
export function assertValidRecord(record: ProblemRecord): ProblemRecord {
  const problem = recordSchemaProblem(record);
  if (problem !== null) {
    throw new ReasonforgeError('record-invalid', `generated record ${record.id} fails the schema at ${problem.pointer}: ${problem.message}`);
  }
  return record;
}
