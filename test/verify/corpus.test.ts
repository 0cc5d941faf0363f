import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { verify } from '../../src/verify/index.js';

/**
 * Agreement with our own labelled corpus of competition-style answers
 * (test/verify/corpus/): answer pairs in many surface forms and whole
 * chain-of-thought completions, each with the verdict a careful grader gives.
 * Every entry where our verdict differs is listed below with the reason, and
 * the agreement figure the README reports is pinned here.
 */
interface Entry {
  readonly id: string;
  readonly reference: string;
  readonly candidate: string;
  readonly correct: boolean;
  readonly note?: string;
}

const load = (file: string): Entry[] => parse(readFileSync(join(import.meta.dirname, 'corpus', file), 'utf8')) as Entry[];
const pairs = [...load('pairs.yaml'), ...load('more-pairs.yaml')];
const completions = load('completions.yaml');

/** Entries where our verdict differs from the label, and why. */
const DISAGREEMENTS: Readonly<Record<string, string>> = {};

describe('our labelled competition corpus', () => {
  const entries = [...pairs, ...completions];
  const results = entries.map((entry) => ({ entry, verdict: verify(entry.candidate, entry.reference) }));

  it('has well-formed, uniquely named entries with both verdicts represented', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(typeof entry.reference === 'string' && typeof entry.candidate === 'string' && typeof entry.correct === 'boolean', entry.id).toBe(true);
    }
    expect(entries.filter((e) => e.correct).length).toBeGreaterThan(entries.length / 3);
    expect(entries.filter((e) => !e.correct).length).toBeGreaterThan(entries.length / 4);
  });

  it('agrees with every label except the listed entries', () => {
    const disagreeing = results.filter(({ entry, verdict }) => verdict.correct !== entry.correct);
    const report = disagreeing.map(
      ({ entry, verdict }) =>
        `${entry.id}: labelled ${entry.correct}, got ${verdict.correct} (${verdict.extracted} via ${verdict.strategy}, ${verdict.reason})`,
    );
    expect(report.filter((line) => DISAGREEMENTS[line.slice(0, line.indexOf(':'))] === undefined)).toEqual([]);
    expect(disagreeing.map(({ entry }) => entry.id).sort()).toEqual(Object.keys(DISAGREEMENTS).sort());
  });

  it('reports the agreement the README states', () => {
    const agreeing = results.filter(({ entry, verdict }) => verdict.correct === entry.correct).length;
    expect({ pairs: pairs.length, completions: completions.length, agreeing }).toEqual({ pairs: 425, completions: 64, agreeing: 489 });
  });
});
