import { describe, expect, it } from 'vitest';
import { duration, progressLine, RunProgress, summaryLines } from '../../src/run/progress.js';
import type { RunSummary } from '../../src/run/run.js';

describe('progressLine', () => {
  it('shows samples done, the rate, tokens per second, the time left and failures', () => {
    expect(progressLine({ written: 250, failed: 0, completionTokens: 50_000 }, 1000, 10, 10)).toBe(
      '[###       ]  25% · 250/1,000 samples · 25/s · 5,000 tok/s · ETA 30s',
    );
    expect(progressLine({ written: 3, failed: 2, completionTokens: 900 }, 10, 2, 10)).toBe(
      '[#####     ]  50% · 3/10 samples · 1.5/s · 450 tok/s · ETA 3s · 2 failed',
    );
    expect(progressLine({ written: 0, failed: 0, completionTokens: 0 }, 10, 0, 4)).toBe('[    ]   0% · 0/10 samples · 0.0/s · 0 tok/s · ETA ?');
  });

  it('writes durations as a person reads them', () => {
    expect([0, 59.4, 125, 3599, 3725].map(duration)).toEqual(['0s', '59s', '2m 05s', '59m 59s', '1h 02m']);
  });
});

describe('RunProgress', () => {
  it('draws on a terminal at most once per interval, and clears its line', () => {
    const written: string[] = [];
    let now = 1000;
    const progress = new RunProgress(
      (text) => written.push(text),
      100,
      () => now,
      0,
      200,
    );
    progress.update({ written: 1, failed: 0, completionTokens: 10 });
    now += 50;
    progress.update({ written: 2, failed: 0, completionTokens: 20 });
    now += 200;
    progress.update({ written: 3, failed: 0, completionTokens: 30 });
    expect(written).toHaveLength(2);
    expect(written[1]!.startsWith('\r\u001b[2Kreasonforge run [')).toBe(true);
    expect(written[1]).toMatch(/\] +3% · 3\/100 samples/);
    progress.clear();
    expect(written[2]).toBe('\r\x1b[2K');
    expect(progress.state.written).toBe(3);
  });

  it('prints nothing when stderr is not a terminal', () => {
    const progress = new RunProgress(null, 10, () => 0, 0);
    progress.update({ written: 10, failed: 0, completionTokens: 1 });
    progress.clear();
    expect(progress.state.written).toBe(10);
  });
});

describe('summaryLines', () => {
  const summary: RunSummary = {
    outcome: 'incomplete',
    items: 10,
    target: 40,
    skipped: 8,
    written: 30,
    failed: 2,
    failures: [],
    truncated: 3,
    requests: 9,
    retries: 4,
    promptTokens: 1200,
    completionTokens: 9000,
    wallSeconds: 90,
    nPerRequest: 4,
    fatal: null,
    notes: [],
    record: 'p.jsonl.run.json',
  };
  it('gives samples, requests, tokens, truncations, failures and the record', () => {
    expect(summaryLines(summary, 'p.jsonl')).toEqual([
      '30 samples written to p.jsonl in 1m 30s (9 requests, 4 retries, up to 4 samples per request)',
      '38 of 40 samples (10 items x 4) are now in the file; 8 were there before',
      'tokens: 1,200 prompt, 9,000 completion (100 completion tokens/s)',
      '3 samples were cut off at --max-tokens (finish_reason "length"); they are scored as they are, and most will have no answer: raise --max-tokens and use another --out to redo them',
      '2 samples failed (listed above); run the same command again to make them',
      'run record: p.jsonl.run.json',
    ]);
  });
});
