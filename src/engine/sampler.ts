import { ReasonforgeError } from '../errors.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { hashString } from './hash.js';
import { CandidateContext, isRejection, type Instance } from './instance.js';
import { LaneLayout } from './lane.js';
import { KeyedPermutation } from './permutation.js';

export type Split = 'test' | 'train';

/**
 * The keyed permutation of a template's domain is dealt into four lanes by
 * position modulo 4: base and numbers draws for test, the same for train. The
 * lanes never share a tuple, so a seed's train and test items are disjoint and
 * a numbers variant never repeats its base's numbers.
 */
export type Lane = 0 | 1 | 2 | 3;
const LANES = 4;

export function laneOf(split: Split, purpose: 'base' | 'numbers'): Lane {
  return ((split === 'test' ? 0 : 2) + (purpose === 'base' ? 0 : 1)) as Lane;
}

/** How many consecutive refusals mean the constraints cannot be met in practice. */
export const MAX_CONSECUTIVE_REJECTIONS = 20_000;
/**
 * The same for imported templates, whose conditions (as released) can accept
 * one draw in tens of thousands: the release's own generator simply retried.
 */
export const MAX_CONSECUTIVE_REJECTIONS_IMPORTED = 300_000;
const DIAGNOSIS_SAMPLE = 2000;

export interface SamplerStats {
  candidates: number;
  accepted: number;
  readonly rejections: Map<string, number>;
}

/**
 * Draws a template's instances for one seed. `nth(lane, j)` is a pure
 * function of (seed, template id and version, lane, j), found without
 * checking the draws of items before j (see LaneLayout): a stream costs O(1)
 * per item and O(1) memory per template, and so does starting anywhere.
 */
export class TemplateSampler {
  readonly template: CompiledTemplate;
  readonly seed: number;
  readonly stats: SamplerStats = { candidates: 0, accepted: 0, rejections: new Map() };
  private readonly permutation: KeyedPermutation;
  private readonly candidates: CandidateContext;
  private readonly lanes: LaneLayout<Instance>[];
  private readonly maxRejections: number;
  private refusedInARow = 0;

  constructor(template: CompiledTemplate, seed: number) {
    this.template = template;
    this.seed = seed;
    const key = `${seed}|${template.id}@${template.version}`;
    this.permutation = new KeyedPermutation(template.domainSize, hashString(key));
    this.candidates = new CandidateContext(template, hashString(key, 0x5bd1e995));
    this.maxRejections = template.imported === undefined ? MAX_CONSECUTIVE_REJECTIONS : MAX_CONSECUTIVE_REJECTIONS_IMPORTED;
    this.lanes = Array.from({ length: LANES }, (_, lane) => {
      const length = Math.max(0, Math.ceil((template.domainSize - lane) / LANES));
      return new LaneLayout({ length, draw: (index) => this.draw(index * LANES + lane) });
    });
  }

  nth(lane: Lane, index: number): Instance {
    const found = this.lanes[lane]!.at(index);
    if ('item' in found) return found.item;
    throw this.exhausted(lane, found.available, index);
  }

  /** The candidate at a permutation position, if it passes every check. */
  private draw(position: number): Instance | undefined {
    this.stats.candidates++;
    const outcome = this.candidates.evaluate(this.permutation.at(position), position);
    if (!isRejection(outcome)) {
      this.stats.accepted++;
      this.refusedInARow = 0;
      return outcome;
    }
    this.stats.rejections.set(outcome.reason, (this.stats.rejections.get(outcome.reason) ?? 0) + 1);
    if (++this.refusedInARow >= this.maxRejections) throw this.unsatisfiable();
    return undefined;
  }

  /**
   * The acceptance rate, and the check that fails most often when each is
   * judged alone on a sample of draws (in sampling order the first check
   * collects the refusals, which would hide a constraint that never holds).
   */
  diagnosis(checked: { readonly candidates: number; readonly accepted: number } = this.stats): string {
    const { candidates, accepted } = checked;
    const rate = candidates === 0 ? 0 : accepted / candidates;
    const sample = Math.min(this.template.domainSize, DIAGNOSIS_SAMPLE);
    const failures = new Map<string, number>();
    for (let position = 0; position < sample; position++) {
      for (const rejection of this.candidates.failingChecks(this.permutation.at(position))) {
        failures.set(rejection.reason, (failures.get(rejection.reason) ?? 0) + 1);
      }
    }
    const [reason, count] = [...failures.entries()].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    const culprit =
      reason === undefined
        ? 'no core check fails on its own; the clauses refuse the draws'
        : `${reason} (on ${formatRate(count / sample)} of ${sample} draws checked alone)`;
    return `acceptance ${formatRate(rate)} of ${candidates} candidates; the check failing most: ${culprit}`;
  }

  private unsatisfiable(): ReasonforgeError {
    return new ReasonforgeError(
      'template-unsatisfiable',
      `template "${this.template.id}": ${this.maxRejections} draws in a row failed its checks; ${this.diagnosis()}`,
      { file: this.template.file },
      { template: this.template.id, stats: this.stats },
    );
  }

  private exhausted(lane: Lane, found: number, wanted: number): ReasonforgeError {
    const purpose = ['test base', 'test numbers', 'train base', 'train numbers'][lane];
    // A lane found short has been checked whole: its own figures, unlike the sampler's running count, do not depend on where a run started.
    const checked = { candidates: this.lanes[lane]!.length, accepted: found };
    return new ReasonforgeError(
      'template-exhausted',
      `template "${this.template.id}" has only ${found} distinct ${purpose} instances, and set ${wanted} was asked for: its variables span ${this.template.domainSize} combinations, a quarter of them per lane; ${this.diagnosis(checked)}. Widen its ranges or ask for fewer sets.`,
      { file: this.template.file },
      { template: this.template.id, found, wanted },
    );
  }
}

export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(rate < 0.01 ? 3 : 1)}%`;
}
