import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gsm8kRecord } from '../../src/import/gsm8k.js';
import type { ProblemRecord, VariantId } from '../../src/records/problem.js';
import { schemaValidator } from '../../src/schemas.js';
import { formatMetrics, scoreFiles } from '../../src/score/score.js';
import { completion, fakeJudge, lcg, record } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEMPLATES = ['apples', 'trains'];
const SETS = 5;
const VARIANTS: VariantId[] = ['base', 'noop', 'p1'];
const N = 4;
/** Chance that a sample is right, per variant: noop and p1 are harder, as in the papers. */
const SKILL: Record<string, number> = { base: 0.85, noop: 0.55, p1: 0.65 };

interface Truth {
  readonly record: ProblemRecord;
  readonly outputs: string[];
  readonly c: number;
  readonly cCot: number;
}

/** A dataset and, per item, N completions whose verdicts the test knows in advance. */
function build(): Truth[] {
  const random = lcg(11);
  const truths: Truth[] = [];
  for (const template of TEMPLATES) {
    for (let set = 0; set < SETS; set++) {
      for (const variant of VARIANTS) {
        const answer = String(10 + set * 3 + TEMPLATES.indexOf(template));
        const rec = record(template, set, variant, answer);
        const outputs: string[] = [];
        let c = 0;
        let cCot = 0;
        for (let s = 0; s < N; s++) {
          const right = random() < SKILL[variant]!;
          const validSteps = random() < 0.8;
          if (right) {
            c++;
            if (validSteps) cCot++;
          }
          outputs.push(completion(right ? answer : String(Number(answer) + 1 + s), validSteps ? 'valid' : 'invalid', ` (sample ${s})`));
        }
        truths.push({ record: rec, outputs, c, cCot });
      }
    }
  }
  return truths;
}

const truths = build();
const datasetFile = join(dir, 'dataset.jsonl');
writeFileSync(datasetFile, truths.map((t) => JSON.stringify(t.record)).join('\n') + '\n');
const byId = new Map(truths.map((t) => [t.record.id, t]));

/** Our {"id", "output"} format, interleaving items the way a parallel runner writes them. */
function outputLines(skip: ReadonlySet<string> = new Set()): string[] {
  const lines: string[] = [];
  for (let s = 0; s < N; s++) for (const t of truths) if (!skip.has(t.record.id)) lines.push(JSON.stringify({ id: t.record.id, output: t.outputs[s] }));
  return lines;
}

function write(name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** C(n, k) for small numbers. */
const choose = (n: number, k: number): number => (k < 0 || k > n ? 0 : k === 0 ? 1 : (choose(n - 1, k - 1) * n) / k);

describe('scoreFiles', () => {
  it('computes per-variant pass@k, CoT-pass@k and the paired drop from the known verdicts, and validates against the schema', async () => {
    const metrics = await scoreFiles(datasetFile, [write('clean.jsonl', outputLines())], { judge: fakeJudge, bootstrap: 200, permutations: 2000, seed: 3 });
    const valid = schemaValidator('metrics');
    expect(valid(metrics), JSON.stringify(valid.errors?.slice(0, 3))).toBe(true);
    expect(metrics.notes).toEqual([]);
    expect(metrics.options.k).toEqual([1, 2, 4]);

    for (const variant of VARIANTS) {
      const mine = truths.filter((t) => t.record.variant.kind === variant);
      const group = metrics.by_variant[variant]!;
      expect(group.items).toBe(mine.length);
      expect(group.samples).toBe(mine.length * N);
      for (const k of [1, 2, 4]) {
        const expected = mean(mine.map((t) => 1 - choose(N - t.c, k) / choose(N, k)));
        expect(group.pass_at_k[String(k)]!.estimate, `${variant} pass@${k}`).toBeCloseTo(expected, 12);
        const expectedCot = mean(mine.map((t) => 1 - choose(N - t.cCot, k) / choose(N, k)));
        expect(group.cot_pass_at_k[String(k)]!.estimate, `${variant} cot@${k}`).toBeCloseTo(expectedCot, 12);
        const figure = group.pass_at_k[String(k)]!;
        expect(figure.ci_low!).toBeLessThanOrEqual(figure.estimate + 1e-12);
        expect(figure.ci_high!).toBeGreaterThanOrEqual(figure.estimate - 1e-12);
        expect(figure.items).toBe(mine.length);
      }
      // Wrong answers here are all different, so the majority is right exactly when the right answer has a plurality.
      expect(group.maj_at_k['1']!.estimate).toBeCloseTo(group.pass_at_k['1']!.estimate, 12);
    }

    for (const variant of ['noop', 'p1']) {
      const pairs = truths.filter((t) => t.record.variant.kind === variant);
      const drops = pairs.map((t) => byId.get(t.record.base_id)!.c / N - t.c / N);
      const drop = metrics.by_variant[variant]!.drop_vs_base!;
      expect(drop.n_pairs).toBe(pairs.length);
      expect(drop.estimate).toBeCloseTo(mean(drops), 12);
      expect(drop.ci_low!).toBeLessThan(drop.estimate);
      expect(drop.ci_high!).toBeGreaterThan(drop.estimate);
      expect(drop.p_value).toBeGreaterThan(0);
      expect(drop.p_value).toBeLessThanOrEqual(1);
      expect(drop.items).toBe(2 * pairs.length);
      // GSM-Plus's figures on the same pairs: PDR = 1 - variant / base accuracy; ASP = both solved.
      const baseAccuracy = mean(pairs.map((t) => byId.get(t.record.base_id)!.c / N));
      const variantAccuracy = mean(pairs.map((t) => t.c / N));
      expect(drop.pdr!.estimate).toBeCloseTo(1 - variantAccuracy / baseAccuracy, 12);
      expect(drop.asp.estimate).toBeCloseTo(mean(pairs.map((t) => (byId.get(t.record.base_id)!.c / N) * (t.c / N))), 12);
      for (const figure of [drop.pdr!, drop.asp]) {
        expect(figure.ci_low!).toBeLessThanOrEqual(figure.estimate);
        expect(figure.ci_high!).toBeGreaterThanOrEqual(figure.estimate);
      }
      // Pooled groups report the estimates; intervals stay with the per-variant and overall figures.
      expect(metrics.by_template['apples']!.by_variant![variant]!.drop_vs_base!.asp.ci_low).toBeNull();
    }
    expect(metrics.by_variant['base']!.drop_vs_base).toBeUndefined();

    // Template, topic and set groups pool their variants and hold them again per variant.
    for (const template of TEMPLATES) {
      const group = metrics.by_template[template]!;
      const mine = truths.filter((t) => t.record.template!.id === template);
      expect(group.pass_at_k['1']!.estimate).toBeCloseTo(mean(mine.map((t) => t.c / N)), 12);
      expect(Object.keys(group.by_variant!)).toEqual(VARIANTS);
      // Pooled drop: per base item, its accuracy minus the mean of its variants'.
      const clusters = mine
        .filter((t) => t.record.variant.kind === 'base')
        .map((b) => {
          const variants = mine.filter((t) => t.record.base_id === b.record.id && t !== b);
          return b.c / N - mean(variants.map((v) => v.c / N));
        });
      expect(group.drop_vs_base!.estimate).toBeCloseTo(mean(clusters), 12);
      expect(group.drop_vs_base!.n_base_items).toBe(SETS);
      expect(group.drop_vs_base!.n_pairs).toBe(2 * SETS);
    }
    expect(Object.keys(metrics.by_set)).toEqual(['0', '1', '2', '3', '4']);
    expect(Object.keys(metrics.by_topic)).toEqual(['(unknown)']);

    // Spread: per variant, one accuracy per set, as by_set.<n>.by_variant.<v> says.
    const spread = metrics.spread['noop']!;
    expect(spread.sets).toBe(SETS);
    const perSet = [...Array(SETS).keys()].map((set) =>
      mean(truths.filter((t) => t.record.set === set && t.record.variant.kind === 'noop').map((t) => t.c / N)),
    );
    expect(spread.per_set.map((s) => s.accuracy)).toEqual(perSet.map((a) => expect.closeTo(a, 12)));
    expect(spread.mean).toBeCloseTo(mean(perSet), 12);
    expect(spread.histogram.bins.reduce((a, b) => a + b.count, 0)).toBe(SETS);

    expect(metrics.items.find((i) => i.id === truths[0]!.record.id)).toMatchObject({
      id: truths[0]!.record.id,
      variant: 'base',
      base_id: truths[0]!.record.id,
      n: N,
      c: truths[0]!.c,
      c_cot: truths[0]!.cCot,
      no_answer: 0,
    });
    // Per item, maj@k at every k: their mean over a variant's items is the variant's maj@k.
    metrics.options.k.forEach((k, q) => {
      const rows = metrics.items.filter((i) => i.variant === 'noop');
      expect(mean(rows.map((i) => i.maj![q]!))).toBeCloseTo(metrics.by_variant['noop']!.maj_at_k[String(k)]!.estimate, 12);
    });
    expect(metrics.items.find((i) => i.variant === 'noop')!.base_id).toMatch(/:base$/);
  });

  it('is reproducible for one seed; another seed moves the intervals, never the estimates', async () => {
    const file = write('repro.jsonl', outputLines());
    const a = await scoreFiles(datasetFile, [file], { judge: fakeJudge, bootstrap: 300, permutations: 500, seed: 1 });
    const b = await scoreFiles(datasetFile, [file], { judge: fakeJudge, bootstrap: 300, permutations: 500, seed: 1 });
    const c = await scoreFiles(datasetFile, [file], { judge: fakeJudge, bootstrap: 300, permutations: 500, seed: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.by_variant['noop']!.pass_at_k['1']!.estimate).toBe(a.by_variant['noop']!.pass_at_k['1']!.estimate);
    expect(c.by_variant['noop']!.drop_vs_base!.estimate).toBe(a.by_variant['noop']!.drop_vs_base!.estimate);
    expect(JSON.stringify(c.by_variant)).not.toBe(JSON.stringify(a.by_variant));
  });

  it('takes the topics from topicOf, or from loadTopics called once as scoring starts', async () => {
    const file = write('topics.jsonl', outputLines());
    const topics: Record<string, string> = { apples: 'fruit', trains: 'travel' };
    const topicOf = (template: string) => topics[template] ?? null;
    const options = { judge: fakeJudge, bootstrap: 50, permutations: 100, seed: 4 };
    const given = await scoreFiles(datasetFile, [file], { ...options, topicOf });
    expect(Object.keys(given.by_topic)).toEqual(['fruit', 'travel']);
    let loads = 0;
    const loadTopics = () => {
      loads++;
      return topicOf;
    };
    const loaded = await scoreFiles(datasetFile, [file], { ...options, loadTopics });
    expect(loads).toBe(1);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(given));
    // topicOf, when given, is used as it is.
    await scoreFiles(datasetFile, [file], { ...options, topicOf, loadTopics });
    expect(loads).toBe(1);
  });

  it('counts and lists missing items, unknown ids, malformed lines (with line numbers) and duplicated samples', async () => {
    const missing = [truths[1]!.record.id, truths[7]!.record.id];
    const lines = outputLines(new Set(missing));
    lines.splice(3, 0, '{"id": "nope:test:1:0:base", "output": "#### 1"}');
    lines.splice(5, 0, '{not json');
    lines.splice(9, 0, JSON.stringify({ id: truths[0]!.record.id }));
    lines.push(lines[0]!);
    const file = write('messy.jsonl', lines);
    const metrics = await scoreFiles(datasetFile, [file], { judge: fakeJudge, bootstrap: 50, permutations: 100, seed: 0 });
    const { coverage } = metrics;
    expect(coverage.missing).toEqual({ count: 2, ids: missing, truncated: false });
    expect(coverage.unknown).toMatchObject({ lines: 1, samples: 1, count: 1, ids: ['nope:test:1:0:base'] });
    expect(coverage.malformed.count).toBe(2);
    expect(coverage.malformed.entries.map((e) => e.line)).toEqual([6, 10]);
    expect(coverage.malformed.entries[0]!.message).toMatch(/not valid JSON/);
    expect(coverage.malformed.entries[1]!.message).toMatch(/no "output" or "outputs"/);
    expect(coverage.duplicates.count).toBe(1);
    expect(coverage.duplicates.entries[0]).toMatchObject({ id: JSON.parse(lines[0]!).id, line: lines.length, first_line: 1 });
    expect(coverage.duplicates.dropped).toBe(false);
    // The duplicate was kept: the first item now has N + 1 samples; the rest N.
    expect(coverage.samples_per_item).toEqual({ [String(N)]: truths.length - 3, [String(N + 1)]: 1 });
    expect(metrics.by_variant['base']!.items_missing).toBe(missing.filter((id) => id.endsWith(':base')).length);
    for (const pattern of [
      /2 dataset items/,
      /1 prediction line \(1 sample\) named 1 id/,
      /2 prediction lines could not be read/,
      /repeated an earlier sample/,
    ]) {
      expect(
        metrics.notes.some((n) => pattern.test(n)),
        String(pattern),
      ).toBe(true);
    }
    expect(schemaValidator('metrics')(metrics)).toBe(true);

    const dropped = await scoreFiles(datasetFile, [file], { judge: fakeJudge, bootstrap: 50, permutations: 100, seed: 0, dropDuplicates: true });
    expect(dropped.coverage.duplicates.dropped).toBe(true);
    expect(dropped.coverage.samples_per_item).toEqual({ [String(N)]: truths.length - 2 });
  });

  it('omits k above the fewest samples of a group, with the reason, and keeps it where every item has enough', async () => {
    const short = truths.find((t) => t.record.variant.kind === 'noop')!.record.id;
    const lines = outputLines().filter((line, i) => !(JSON.parse(line).id === short && i >= truths.length * 2));
    const metrics = await scoreFiles(datasetFile, [write('short.jsonl', lines)], { judge: fakeJudge, k: [1, 2, 4], bootstrap: 20, permutations: 100 });
    expect(Object.keys(metrics.by_variant['noop']!.pass_at_k)).toEqual(['1', '2']);
    expect(metrics.by_variant['noop']!.omitted_k).toEqual([
      { k: 4, reason: `1 of 10 items have fewer than 4 samples (fewest: 2): ${short}`, short_items: [short] },
    ]);
    expect(Object.keys(metrics.by_variant['p1']!.pass_at_k)).toEqual(['1', '2', '4']);
    expect(metrics.notes.some((n) => n.startsWith('k=4 is omitted for variant noop'))).toBe(true);
  });

  it('scores lm-evaluation-harness --log_samples files exactly as the same samples in our format', async () => {
    const harness: string[] = [];
    truths.forEach((t, docId) => {
      for (const filter of ['strict-match', 'flexible-extract']) {
        harness.push(
          JSON.stringify({
            doc_id: docId,
            doc: t.record,
            target: t.record.answer,
            arguments: [['prompt', { until: ['Q:'] }]],
            resps: [t.outputs],
            filtered_resps: [t.record.answer],
            filter,
            metrics: ['exact_match'],
            doc_hash: 'h',
            prompt_hash: 'h',
            target_hash: 'h',
            exact_match: 0,
          }),
        );
      }
    });
    // Samples in item order, as the harness writes them: maj@k's tie rule sees the same order.
    const ours = truths.map((t) => JSON.stringify({ id: t.record.id, outputs: t.outputs }));
    const fromHarness = await scoreFiles(datasetFile, [write('samples_rf_2025.jsonl', harness)], { judge: fakeJudge, bootstrap: 100, permutations: 200 });
    const fromOurs = await scoreFiles(datasetFile, [write('ours.jsonl', ours)], { judge: fakeJudge, bootstrap: 100, permutations: 200 });
    expect(fromHarness.by_variant).toEqual(fromOurs.by_variant);
    expect(fromHarness.coverage.lm_eval).toEqual({ filter: 'strict-match', skipped_lines: truths.length });
    expect(fromHarness.inputs.predictions[0]!.formats['lm-eval']).toBe(truths.length * 2);
    expect(fromHarness.coverage.duplicates.count).toBe(0);
  });

  it('keeps imported items without an instance set out of every set group and the spread, and says so', async () => {
    const imported = [1, 2, 3].map((line) => {
      const made = gsm8kRecord(
        { question: `Imported question ${line}?`, answer: `It is 2+${line} = <<2+${line}=${2 + line}>>${2 + line}.\n#### ${2 + line}` },
        line,
        { source: 'gsm8k/test' },
      );
      if (typeof made === 'string') throw new Error(made);
      return made;
    });
    const mixed = write('mixed.jsonl', [...truths.map((t) => JSON.stringify(t.record)), ...imported.map((r) => JSON.stringify(r))]);
    const lines = [...outputLines(), ...imported.map((r) => JSON.stringify({ id: r.id, output: `#### ${r.answer}` }))];
    const metrics = await scoreFiles(mixed, [write('mixed-p.jsonl', lines)], { judge: fakeJudge, bootstrap: 20, permutations: 50 });
    expect(Object.keys(metrics.by_set)).toEqual(['0', '1', '2', '3', '4']);
    for (const group of Object.values(metrics.by_set)) expect(group.items).toBe(TEMPLATES.length * VARIANTS.length);
    expect(metrics.by_variant['external']!.items).toBe(3);
    expect(metrics.spread['external']).toBeUndefined();
    expect(metrics.coverage.items_without_set).toBe(3);
    expect(metrics.notes).toContain(
      '3 imported items belong to no instance set and are left out of by_set and the spread over sets (they are in every other figure).',
    );
  });

  it('stops at the first invalid dataset line, naming file and line', async () => {
    const bad = write('bad-dataset.jsonl', [JSON.stringify(truths[0]!.record), JSON.stringify({ ...truths[1]!.record, answer: 12 })]);
    await expect(scoreFiles(bad, [write('p.jsonl', outputLines())], { judge: fakeJudge })).rejects.toThrow(`${bad}:2: not a reasonforge record: /answer`);
    const dup = write('dup-dataset.jsonl', [JSON.stringify(truths[0]!.record), JSON.stringify(truths[0]!.record)]);
    await expect(scoreFiles(dup, [write('p.jsonl', outputLines())], { judge: fakeJudge })).rejects.toThrow(`${dup}:2: duplicate id`);
  });
});

describe('formatMetrics', () => {
  it('writes JSON that reads back as the same metrics, one line per item', async () => {
    const metrics = await scoreFiles(datasetFile, [write('format.jsonl', outputLines())], { judge: fakeJudge, bootstrap: 20, permutations: 50 });
    const text = formatMetrics(metrics);
    expect(JSON.parse(text)).toEqual(metrics);
    const itemLines = text.split('\n').filter((l) => l.startsWith('    {"id":'));
    expect(itemLines).toHaveLength(metrics.items.length);
  });

  it("writes ids as they are, even one holding a replacement pattern ($&, $') or the text a placeholder might use", async () => {
    const metrics = await scoreFiles(datasetFile, [write('format-ids.jsonl', outputLines())], { judge: fakeJudge, bootstrap: 0, permutations: 50 });
    const odd = {
      ...metrics,
      coverage: { ...metrics.coverage, missing: { ...metrics.coverage.missing, ids: ['__items__', '"__items__"'] } },
      items: metrics.items.map((row, i) => (i === 0 ? { ...row, id: "a$&b$'c$`d" } : row)),
    };
    expect(JSON.parse(formatMetrics(odd))).toEqual(odd);
  });
});
