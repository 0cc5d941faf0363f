import type { EngineProgress } from './engine.js';
import type { RunSummary } from './run.js';

const count = (n: number) => n.toLocaleString('en-US');

/** "2m 05s", "1h 03m", "12s". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * The progress line: samples done of this session's total, the rate, tokens
 * per second and the time left at that rate, and failures if any.
 */
export function progressLine(progress: EngineProgress, total: number, elapsedSeconds: number, width = 24): string {
  const share = total === 0 ? 1 : Math.min(1, (progress.written + progress.failed) / total);
  const filled = Math.round(share * width);
  const rate = elapsedSeconds > 0 ? progress.written / elapsedSeconds : 0;
  const tokens = elapsedSeconds > 0 ? progress.completionTokens / elapsedSeconds : 0;
  const left = total - progress.written - progress.failed;
  const eta = rate > 0 ? duration(left / rate) : '?';
  const parts = [
    `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%`,
    `${count(progress.written)}/${count(total)} samples`,
    `${rate.toFixed(rate < 10 ? 1 : 0)}/s`,
    `${count(Math.round(tokens))} tok/s`,
    `ETA ${eta}`,
  ];
  if (progress.failed > 0) parts.push(`${count(progress.failed)} failed`);
  return parts.join(' · ');
}

/**
 * Redraws the progress line on a terminal at most every `intervalMs`; prints
 * nothing when stderr is not a terminal, so logs stay clean.
 */
export class RunProgress {
  private last = -Infinity;
  private drawn = false;
  private latest: EngineProgress = { written: 0, failed: 0, completionTokens: 0 };

  constructor(
    private readonly write: ((text: string) => void) | null,
    private readonly total: number,
    private readonly now: () => number,
    private readonly started: number,
    private readonly intervalMs = 200,
  ) {}

  update(progress: EngineProgress): void {
    this.latest = progress;
    if (this.write === null) return;
    const t = this.now();
    if (t - this.last < this.intervalMs) return;
    this.last = t;
    this.drawn = true;
    this.write(`\r\x1b[2Kreasonforge run ${progressLine(progress, this.total, (t - this.started) / 1000)}`);
  }

  /** Clears the line before other output (a failure, the summary). */
  clear(): void {
    if (this.write !== null && this.drawn) this.write('\r\x1b[2K');
    this.drawn = false;
    this.last = -Infinity;
  }

  get state(): EngineProgress {
    return this.latest;
  }
}

/** The summary printed at the end of a session. */
export function summaryLines(summary: RunSummary, out: string): string[] {
  const lines = [
    `${count(summary.written)} samples written to ${out} in ${duration(summary.wallSeconds)} (${count(summary.requests)} requests, ${count(summary.retries)} retries${summary.nPerRequest > 1 ? `, up to ${summary.nPerRequest} samples per request` : ', one sample per request'})`,
    `${count(summary.skipped + summary.written)} of ${count(summary.target)} samples (${count(summary.items)} items x ${count(summary.target / Math.max(1, summary.items))}) are now in the file${summary.skipped > 0 ? `; ${count(summary.skipped)} were there before` : ''}`,
    `tokens: ${count(summary.promptTokens)} prompt, ${count(summary.completionTokens)} completion${summary.wallSeconds > 0 ? ` (${count(Math.round(summary.completionTokens / summary.wallSeconds))} completion tokens/s)` : ''}`,
  ];
  if (summary.truncated > 0) {
    lines.push(
      `${count(summary.truncated)} samples were cut off at --max-tokens (finish_reason "length"); they are scored as they are, and most will have no answer: raise --max-tokens and use another --out to redo them`,
    );
  } else {
    lines.push('no sample was cut off at --max-tokens');
  }
  if (summary.failed > 0) lines.push(`${count(summary.failed)} samples failed (listed above); run the same command again to make them`);
  if (summary.outcome === 'interrupted')
    lines.push(
      `interrupted: run the same command again to make the other ${count(summary.target - summary.skipped - summary.written - summary.failed)} samples`,
    );
  if (summary.fatal !== null) lines.push(`stopped: ${summary.fatal}`);
  lines.push(`run record: ${summary.record}`);
  return lines;
}
