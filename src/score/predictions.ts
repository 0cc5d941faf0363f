/**
 * The prediction formats scoring reads, one JSON object per line, told apart
 * by their fields so that files of different formats can be mixed:
 *
 * - `{"id", "output": "..."}`: one sample; several lines with one id are
 *   several samples, in file order.
 * - `{"id", "outputs": ["...", ...]}`: several samples on one line.
 * - a line of the per-sample log lm-evaluation-harness writes with
 *   `--log_samples` (samples_<task>_<date>.jsonl): `doc` is the dataset record
 *   the harness was given, so our id is `doc.id`; `resps` holds the raw
 *   generations, one list per request (for generate_until, one request whose
 *   list has one generation per repeat). The harness writes one line per
 *   (document, filter) with the same `resps` on each, so `filter` is kept to
 *   count each generation once. `filtered_resps` (what the harness's own
 *   filters extracted) is used only when a line has no `resps`: our verifier
 *   extracts answers itself, from the full text.
 *
 * Other fields are ignored, so a line may carry a model name or a latency.
 */
export type PredictionFormat = 'output' | 'outputs' | 'lm-eval';

export interface PredictionLine {
  readonly format: PredictionFormat;
  readonly id: string;
  readonly outputs: readonly string[];
  /** lm-eval only: the filter the line was written for (null when the harness wrote none). */
  readonly filter: string | null;
}

export type ParsedPrediction = { readonly ok: true; readonly line: PredictionLine } | { readonly ok: false; readonly message: string };

const fail = (message: string): ParsedPrediction => ({ ok: false, message });

export function parsePrediction(value: unknown): ParsedPrediction {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('a prediction line must be a JSON object');
  const line = value as Record<string, unknown>;
  if ('doc' in line && ('resps' in line || 'filtered_resps' in line)) return parseLmEval(line);

  const id = line['id'];
  if (typeof id !== 'string' || id === '') return fail('"id" must be a non-empty string');
  const hasOutput = 'output' in line;
  const hasOutputs = 'outputs' in line;
  if (hasOutput && hasOutputs) return fail('give "output" or "outputs", not both');
  if (hasOutput) {
    const output = line['output'];
    if (typeof output !== 'string') return fail(`"output" must be a string, got ${describe(output)}`);
    return { ok: true, line: { format: 'output', id, outputs: [output], filter: null } };
  }
  if (hasOutputs) {
    const outputs = line['outputs'];
    if (!Array.isArray(outputs) || outputs.length === 0) return fail('"outputs" must be a non-empty array of strings');
    const bad = outputs.findIndex((o) => typeof o !== 'string');
    if (bad >= 0) return fail(`"outputs"[${bad}] must be a string, got ${describe(outputs[bad])}`);
    return { ok: true, line: { format: 'outputs', id, outputs: outputs as string[], filter: null } };
  }
  return fail('no "output" or "outputs" field (and not an lm-evaluation-harness sample: no "doc" with "resps")');
}

function parseLmEval(line: Record<string, unknown>): ParsedPrediction {
  const doc = line['doc'];
  if (typeof doc !== 'object' || doc === null) return fail('lm-evaluation-harness sample: "doc" must be an object');
  const id = (doc as Record<string, unknown>)['id'];
  if (typeof id !== 'string' || id === '') {
    return fail('lm-evaluation-harness sample: "doc" has no string "id"; was the task made from a reasonforge dataset?');
  }
  const filter = typeof line['filter'] === 'string' ? line['filter'] : null;
  const source = 'resps' in line ? 'resps' : 'filtered_resps';
  const outputs: string[] = [];
  if (!flattenStrings(line[source], outputs, 0) || outputs.length === 0) {
    return fail(`lm-evaluation-harness sample: "${source}" must hold generated text (lists of strings); was this a generate_until task?`);
  }
  return { ok: true, line: { format: 'lm-eval', id, outputs, filter } };
}

/** Collects the strings of a list of lists of strings (any depth up to 3); false if anything else is in it. */
function flattenStrings(value: unknown, into: string[], depth: number): boolean {
  if (typeof value === 'string') {
    into.push(value);
    return true;
  }
  if (!Array.isArray(value) || depth > 2) return false;
  return value.every((v) => flattenStrings(v, into, depth + 1));
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
