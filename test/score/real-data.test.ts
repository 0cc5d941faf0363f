import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importGsm8k } from '../../src/import/gsm8k.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { scoreFiles } from '../../src/score/score.js';
import { verifierJudge } from '../../src/score/verifier-judge.js';
import { sharedFile } from '../support/shared-data.js';

/**
 * Real data end to end: GSM8K's test set imported as a dataset, 1,319 real
 * ToRA-70B completions as predictions, scored with the real verifier. The
 * producer's own extraction (`pred == gt`) is the yardstick; the verifier's
 * conformance test explains each disagreement, so here they may differ only
 * by those few items.
 */
const gsm8k = sharedFile('gsm8k', 'test.jsonl');
const tora = sharedFile('completions', 'tora-70b-gsm8k.jsonl');
const present = gsm8k.present && tora.present;
const dir = mkdtempSync(join(tmpdir(), 'rf-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`scoring real completions${present ? '' : ` (skipped: ${gsm8k.path} or ${tora.path} is absent; CI has ../shared/data beside the repository, or set RF_SHARED_DATA)`}`, () => {
  it.runIf(present)('scores 1,319 ToRA-70B completions on GSM8K within a point of the producer’s own accuracy', async () => {
    const records: ProblemRecord[] = [];
    for await (const outcome of importGsm8k(gsm8k.path, { source: 'gsm8k/test' })) if (outcome.ok) records.push(outcome.record);
    expect(records).toHaveLength(1319);
    const dataset = join(dir, 'gsm8k.jsonl');
    writeFileSync(dataset, records.map((r) => JSON.stringify(r)).join('\n') + '\n');

    const lines = readFileSync(tora.path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { idx: number; gt: string; pred: (string | null)[]; code: string[] });
    const predictions = join(dir, 'tora.jsonl');
    // Import numbers records by line (gsm8k/test:1 is line 1); ToRA's idx counts from 0.
    writeFileSync(predictions, lines.map((l) => JSON.stringify({ id: `gsm8k/test:${l.idx + 1}`, output: l.code[0] })).join('\n') + '\n');
    const metrics = await scoreFiles(dataset, [predictions], { judge: verifierJudge(), bootstrap: 200 });

    expect(metrics.coverage).toMatchObject({ scored_items: 1319, samples: 1319, missing: { count: 0 }, unknown: { lines: 0 }, malformed: { count: 0 } });
    const theirs = lines.map((l) => l.pred[0] !== null && l.pred[0] !== undefined && Number(l.pred[0]) === Number(l.gt));
    const ours = new Map(metrics.items.map((i) => [i.id, i.c === 1]));
    const disagreements = lines.filter((l, i) => ours.get(`gsm8k/test:${l.idx + 1}`) !== theirs[i]).length;
    expect(disagreements).toBeLessThan(30);
    const accuracy = metrics.by_variant['external']!.pass_at_k['1']!;
    expect(Math.abs(accuracy.estimate - theirs.filter(Boolean).length / lines.length)).toBeLessThan(0.01);
    expect(accuracy.ci_low!).toBeLessThan(accuracy.estimate);
    expect(accuracy.ci_high!).toBeGreaterThan(accuracy.estimate);
  });
});
