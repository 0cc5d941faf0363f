import { byteBatches, lineBatches } from '../io/line-batches.js';
import type { Dataset } from './dataset.js';
import type { Judge } from './judge.js';
import { FORMATS, isJudged, judgeLines, MALFORMED, type AnswerKey, type JudgedLines } from './judge-lines.js';
import type { PredictionFormat } from './predictions.js';
import { SampleStore } from './sample-store.js';

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
  /**
   * Judges batches elsewhere (worker threads: ScorePool), keeping up to
   * `inFlight` of them under way while reading on. A batch goes as the bytes
   * of whole lines (byteBatches), to be decoded and split where it is judged.
   */
  readonly judgeElsewhere?: { judge(bytes: Uint8Array<ArrayBuffer>, filterInUse: string | null): Promise<JudgedLines>; readonly inFlight: number };
}

/**
 * Streams prediction files batch by batch, judging each sample as it arrives:
 * the outputs are never all in memory, only their verdicts (SampleStore).
 * A line that cannot be read is reported with its file and line number and
 * does not stop the others. With worker threads, batches are judged there
 * while the next ones are read, and their verdicts are taken in file order,
 * so the store and report are the same as in one thread.
 */
export async function readPredictions(
  files: readonly string[],
  dataset: Dataset,
  judge: Judge,
  options: ReadOptions = {},
): Promise<{ store: SampleStore; report: ReadReport }> {
  const reader = new VerdictReader(options);
  const elsewhere = options.judgeElsewhere;
  if (elsewhere === undefined) {
    const key: AnswerKey = { index: dataset.index, answers: dataset.items.map((item) => item.answer), references: dataset.items.map((item) => item.reference) };
    for (let f = 0; f < files.length; f++) {
      reader.startFile(files[f]!);
      for await (const { lines } of lineBatches(files[f]!)) {
        const filterInUse = reader.filterInUse;
        reader.take(f, judgeLines(lines, key, judge, filterInUse), filterInUse);
      }
    }
    return { store: reader.store, report: reader.report };
  }
  // Batches sent but not yet taken, oldest first.
  const inFlight: { file: number; filterInUse: string | null; judged: Promise<JudgedLines> }[] = [];
  const takeOldest = async () => {
    const next = inFlight.shift()!;
    reader.take(next.file, await next.judged, next.filterInUse);
  };
  for (let f = 0; f < files.length; f++) {
    reader.startFile(files[f]!);
    for await (const bytes of byteBatches(files[f]!)) {
      const filterInUse = reader.filterInUse;
      inFlight.push({ file: f, filterInUse, judged: elsewhere.judge(bytes, filterInUse) });
      while (inFlight.length > elsewhere.inFlight) await takeOldest();
    }
  }
  while (inFlight.length > 0) await takeOldest();
  return { store: reader.store, report: reader.report };
}

/** Takes judged batches in file order and files their samples and problems exactly as one thread reading line by line would. */
class VerdictReader {
  readonly store = new SampleStore();
  readonly report: ReadReport;
  private readonly onLine: (() => void) | undefined;

  constructor(options: ReadOptions) {
    this.onLine = options.onLine;
    this.report = {
      files: [],
      malformed: { count: 0, entries: [] },
      unknown: { lines: 0, samples: 0, ids: new Map() },
      lmEvalFilter: { used: options.lmEvalFilter ?? null, skipped_lines: 0, seen: new Set() },
    };
  }

  get filterInUse(): string | null {
    return this.report.lmEvalFilter.used;
  }

  startFile(file: string): void {
    this.report.files.push({ file, lines: 0, formats: { output: 0, outputs: 0, 'lm-eval': 0 } });
  }

  /** Files file f's next batch: its lines follow the lines taken before, so batches must come in file order. */
  take(f: number, batch: JudgedLines, filterAtJudging: string | null): void {
    const { report, store } = this;
    const summary = report.files[f]!;
    const file = summary.file;
    let sample = 0;
    for (let l = 0; l < batch.kind.length; l++) {
      const number = ++summary.lines;
      this.onLine?.();
      const samples = isJudged(batch, l, filterAtJudging) ? batch.outputs[l]! : 0;
      const from = sample;
      sample += samples;
      if (batch.kind[l] === MALFORMED) {
        report.malformed.count++;
        if (report.malformed.entries.length < LIST_LIMIT) report.malformed.entries.push({ file, line: number, message: batch.text[l]! });
        continue;
      }
      const format = FORMATS[batch.kind[l]! - 1]!;
      summary.formats[format]++;
      const filter = batch.filter[l] ?? null;
      if (format === 'lm-eval' && filter !== null) {
        report.lmEvalFilter.seen.add(filter);
        report.lmEvalFilter.used ??= filter;
        if (filter !== report.lmEvalFilter.used) {
          report.lmEvalFilter.skipped_lines++;
          continue;
        }
      }
      const item = batch.item[l]!;
      if (item < 0) {
        const id = batch.text[l]!;
        report.unknown.lines++;
        report.unknown.samples += batch.outputs[l]!;
        report.unknown.ids.set(id, (report.unknown.ids.get(id) ?? 0) + 1);
        continue;
      }
      if (samples !== batch.outputs[l]) throw new Error(`line ${number} of ${file} was not judged, yet its filter is the one in use`);
      for (let s = from; s < sample; s++) {
        const answer = batch.answer[s]!;
        store.addJudged(item, batch.flags[s]!, answer < 0 ? null : batch.answers[answer]!, batch.hashA[s]!, batch.hashB[s]!, {
          file: f,
          line: number,
          sample: s - from,
        });
      }
    }
  }
}
