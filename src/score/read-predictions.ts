import { parseJsonLine } from '../io/jsonl.js';
import type { Dataset } from './dataset.js';
import type { Judge } from './judge.js';
import { lineBatches } from '../io/line-batches.js';
import { parsePrediction, type PredictionFormat } from './predictions.js';
import { CORRECT, NO_ANSWER, SampleStore, STEPS_VALID } from './sample-store.js';

/** Long lists in metrics.json stop here; their counts stay exact. */
export const LIST_LIMIT = 10_000;

export interface LineProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface PredictionFileSummary {
  readonly file: string;
  lines: number;
  readonly formats: Record<PredictionFormat, number>;
}

/** What reading the predictions found besides the samples themselves. */
export interface ReadReport {
  readonly files: PredictionFileSummary[];
  readonly malformed: { count: number; entries: LineProblem[] };
  /** Lines and samples whose id is not in the dataset, and the distinct ids. */
  readonly unknown: { lines: number; samples: number; ids: Map<string, number> };
  /** lm-eval lines skipped because they repeat another filter's view of the same generations. */
  readonly lmEvalFilter: { used: string | null; skipped_lines: number; readonly seen: Set<string> };
}

export interface ReadOptions {
  /** lm-eval: the filter whose lines to read; default the first filter seen. */
  readonly lmEvalFilter?: string;
  /** Called after each line, for progress bars. */
  readonly onLine?: () => void;
}

/**
 * Streams prediction files line by line, judging each sample as it arrives:
 * the outputs are never all in memory, only their verdicts (SampleStore).
 * A line that cannot be read is reported with its file and line number and
 * does not stop the others.
 */
export async function readPredictions(files: readonly string[], dataset: Dataset, judge: Judge, options: ReadOptions = {}): Promise<{ store: SampleStore; report: ReadReport }> {
  const store = new SampleStore();
  const report: ReadReport = {
    files: [],
    malformed: { count: 0, entries: [] },
    unknown: { lines: 0, samples: 0, ids: new Map() },
    lmEvalFilter: { used: options.lmEvalFilter ?? null, skipped_lines: 0, seen: new Set() },
  };
  const problem = (file: string, line: number, message: string) => {
    report.malformed.count++;
    if (report.malformed.entries.length < LIST_LIMIT) report.malformed.entries.push({ file, line, message });
  };

  for (let f = 0; f < files.length; f++) {
    const file = files[f]!;
    const summary: PredictionFileSummary = { file, lines: 0, formats: { output: 0, outputs: 0, 'lm-eval': 0 } };
    report.files.push(summary);
    for await (const { first, lines } of lineBatches(file)) {
      for (let i = 0; i < lines.length; i++) {
        const number = first + i;
        summary.lines++;
        options.onLine?.();
        const json = parseJsonLine(lines[i]!);
        if (!json.ok) {
          problem(file, number, json.message);
          continue;
        }
        const parsed = parsePrediction(json.value);
        if (!parsed.ok) {
          problem(file, number, parsed.message);
          continue;
        }
        const { line } = parsed;
        summary.formats[line.format]++;
        if (line.format === 'lm-eval' && line.filter !== null) {
          report.lmEvalFilter.seen.add(line.filter);
          report.lmEvalFilter.used ??= line.filter;
          if (line.filter !== report.lmEvalFilter.used) {
            report.lmEvalFilter.skipped_lines++;
            continue;
          }
        }
        const item = dataset.index.get(line.id);
        if (item === undefined) {
          report.unknown.lines++;
          report.unknown.samples += line.outputs.length;
          report.unknown.ids.set(line.id, (report.unknown.ids.get(line.id) ?? 0) + 1);
          continue;
        }
        const { answer: expected, reference } = dataset.items[item]!;
        for (let sample = 0; sample < line.outputs.length; sample++) {
          const output = line.outputs[sample]!;
          const verdict = judge.judge(output, expected, reference);
          let flags = 0;
          if (verdict.extracted === null) flags |= NO_ANSWER;
          // Steps are checked only where they can matter: CoT-pass counts right answers with valid steps.
          if (verdict.correct) flags |= CORRECT | (judge.stepsValid(output) ? STEPS_VALID : 0);
          store.add(item, flags, verdict.extracted, output, { file: f, line: number, sample });
        }
      }
    }
  }
  return { store, report };
}
