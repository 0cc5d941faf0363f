import { existsSync, readFileSync } from 'node:fs';
import { printable, ReasonforgeError } from '../errors.js';
import { mostSpecificError, schemaValidator } from '../schemas.js';
import type { Metrics } from '../score/metrics.js';

/** Reads metrics.json and checks it against schemas/metrics.schema.json before anything is drawn from it. */
export function loadMetrics(file: string): Metrics {
  if (!existsSync(file)) throw new ReasonforgeError('file-missing', 'no such file', { file });
  return checkMetrics(parseMetricsText(readFileSync(file, 'utf8'), file), file);
}

/** metrics.json's text as JSON (a byte-order mark at the start is allowed), naming the file when it is not JSON. */
export function parseMetricsText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ReasonforgeError('metrics-invalid', `not valid JSON: ${printable(error instanceof Error ? error.message : String(error))}`, { file });
  }
}

export function checkMetrics(value: unknown, file?: string): Metrics {
  const validate = schemaValidator('metrics');
  if (!validate(value)) {
    const { pointer, message } = mostSpecificError(validate.errors ?? []);
    throw new ReasonforgeError('metrics-invalid', `not reasonforge metrics: ${message}`, { ...(file !== undefined && { file }), pointer });
  }
  return value as Metrics;
}
