import { count, percent, points, pValue } from '../report/format.js';
import type { Comparison, GroupComparison } from './compare.js';
import type { Crossover } from './crossover.js';
import type { FamilyComparison, PairComparison } from './families.js';
import type { Difference } from './paired.js';

/**
 * The sentences a paper quotes, built from the comparison alone, for the
 * Markdown, the HTML and the terminal alike.
 */
const level = (c: Comparison) => `${Math.round(c.options.confidence * 100)}% CI`;

/** "(95% CI 11.2 to 16.5, p < 0.001; 1,100 items)". */
function support(d: Difference, c: Comparison, unit: string): string {
  const ci = d.ci_low === null || d.ci_high === null ? '' : `${level(c)} ${points(d.ci_low)} to ${points(d.ci_high)}, `;
  return `(${ci}${pValue(d.p_value)}; ${count(d.items)} ${unit})`;
}

/** "13.8 points (95% CI 11.2 to 16.5, p < 0.001; 1,100 items)". */
export function differenceText(d: Difference, c: Comparison, unit = 'items'): string {
  return `${points(d.estimate)} points ${support(d, c, unit)}`;
}

/** The same, for a difference read the other way round (a - b). */
function negated(d: Difference): Difference {
  return { ...d, estimate: -d.estimate, ci_low: d.ci_high === null ? null : -d.ci_high, ci_high: d.ci_low === null ? null : -d.ci_low };
}

export function crossoverText(x: Crossover, pair: PairComparison, metric: string, c: Comparison): string {
  if (x.leader === null) return `${pair.a} and ${pair.b} have the same ${metric} at every k up to ${count(x.k_max)}.`;
  const leader = x.leader === 'a' ? pair.a : pair.b;
  const other = x.leader === 'a' ? pair.b : pair.a;
  const where = x.searched === 'grid' ? 'maj@k is known only at the scored k' : null;
  const share =
    x.interval === null ? '' : `; ${percent(x.interval.with_crossover / x.interval.resamples)} of ${count(x.interval.resamples)} bootstrap resamples cross`;
  if (x.k === null) return `${leader} leads on ${metric} at every k up to ${count(x.k_max)}${where === null ? '' : ` (${where})`}: no crossover${share}.`;
  const parts: string[] = [];
  if (x.interval !== null)
    parts.push(
      `${level(c)} ${x.interval.low === null ? `beyond ${count(x.k_max)}` : count(x.interval.low)} to ${x.interval.high === null ? `beyond ${count(x.k_max)}` : count(x.interval.high)}`,
    );
  if (where !== null) parts.push(where);
  const again = x.crossings.length > 1 ? `; the curves cross again at k = ${x.crossings.slice(1).map(count).join(', ')}` : '';
  return `${other} overtakes ${leader} on ${metric} at k = ${count(x.k)}${parts.length === 0 ? '' : ` (${parts.join('; ')})`}; ${leader} leads below it${again}.`;
}

function atK(family: FamilyComparison, pair: PairComparison, k: number, c: Comparison): string | null {
  const d = pair.differences[String(k)];
  const fa = family.curves[pair.a]?.[String(k)];
  const fb = family.curves[pair.b]?.[String(k)];
  if (d === undefined || fa === undefined || fb === undefined) return null;
  return `At ${family.metric.replace('@k', `@${count(k)}`)}, ${pair.b} scores ${percent(fb.estimate)} and ${pair.a} ${percent(fa.estimate)}: ${pair.b} − ${pair.a} = ${differenceText(d, c)}.`;
}

export function headlineSentences(c: Comparison): string[] {
  const lines: string[] = [];
  const g: GroupComparison = c.overall;
  for (const pair of g.pass_at_k.pairs) {
    const ks = g.pass_at_k.ks;
    for (const k of new Set([ks[0]!, ks[ks.length - 1]!])) {
      const line = atK(g.pass_at_k, pair, k, c);
      if (line !== null) lines.push(line);
    }
    lines.push(crossoverText(pair.crossover, pair, 'pass@k', c));
    const cot = g.cot_pass_at_k.pairs.find((p) => p.b === pair.b);
    if (cot !== undefined) lines.push(crossoverText(cot.crossover, cot, 'CoT-pass@k (right answer, no wrong step)', c));
    const maj = g.maj_at_k?.pairs.find((p) => p.b === pair.b);
    if (maj !== undefined) lines.push(crossoverText(maj.crossover, maj, 'maj@k', c));
  }
  for (const drop of c.drops) {
    for (const d of drop.differences) {
      const da = drop.models[d.a]!;
      const db = drop.models[d.b]!;
      const verb = (x: number) => (x >= 0 ? 'costs' : 'gains');
      const [who, gap] = d.estimate >= 0 ? [d.b, d] : [d.a, negated(d)];
      const more = `${who} loses ${points(gap.estimate)} points more ${support(gap, c, 'pairs')}`;
      lines.push(
        `${drop.variant} ${verb(da.estimate)} ${d.a} ${points(Math.abs(da.estimate))} points and ${verb(db.estimate)} ${d.b} ${points(Math.abs(db.estimate))}: ${more}.`,
      );
    }
  }
  for (const cov of c.coverage) {
    const n = (f: { estimate: number; ci_low: number | null; ci_high: number | null }) =>
      `${count(Math.round(f.estimate))}${f.ci_low === null || f.ci_high === null ? '' : ` (${level(c)} ${count(Math.round(f.ci_low))} to ${count(Math.round(f.ci_high))})`}`;
    lines.push(
      `Within ${count(cov.k)} samples, ${n(cov.only_a)} of ${count(cov.items)} items are solved only by ${cov.a} and ${n(cov.only_b)} only by ${cov.b}; ${count(Math.round(cov.both.estimate))} by both and ${count(Math.round(cov.neither.estimate))} by neither (${pValue(cov.p_value)}).`,
    );
  }
  const firstPair = g.pass_at_k.pairs[0];
  for (const spread of c.run_spread) {
    const one = spread.by_k['1'];
    if (one === undefined || one.sd === null) continue;
    const between = firstPair?.differences['1'];
    const against = between === undefined ? '' : `, against ${points(Math.abs(between.estimate))} points between ${firstPair!.b} and ${firstPair!.a}`;
    lines.push(
      `Run to run, ${spread.label}'s pass@1 has a standard deviation of ${points(one.sd)} points over ${spread.runs} runs (${percent(one.min)} to ${percent(one.max)})${against}.`,
    );
  }
  return lines;
}
