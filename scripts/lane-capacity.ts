/**
 * Each template's items per lane: estimated (a quarter of the domain times the
 * acceptance of consecutive test base draws over some seeds) and, for templates
 * under a bound, counted exactly in all four lanes at some seeds. For finding
 * the templates that cannot give `--sets N` and checking a widened one.
 * Run: npx tsx scripts/lane-capacity.ts [--draws 2000] [--seeds 202] [--count-under 0] [--count-seeds 202,5] [--templates id,id]
 */
import { parseArgs } from 'node:util';
import { laneOf, TemplateSampler, type Lane } from '../src/engine/sampler.js';
import { ReasonforgeError } from '../src/errors.js';
import type { CompiledTemplate } from '../src/template/compiled.js';
import { loadLibrary } from '../src/template/load.js';

const { values } = parseArgs({
  options: {
    draws: { type: 'string', default: '2000' },
    seeds: { type: 'string', default: '202' },
    'count-under': { type: 'string', default: '0' },
    'count-seeds': { type: 'string', default: '202,5' },
    templates: { type: 'string' },
  },
});
const numbers = (list: string) => list.split(',').map(Number);
const draws = Number(values.draws);
const countUnder = Number(values['count-under']);
const only = values.templates?.split(',');
const LANES: readonly Lane[] = [laneOf('test', 'base'), laneOf('test', 'numbers'), laneOf('train', 'base'), laneOf('train', 'numbers')];

function estimate(template: CompiledTemplate): number {
  let candidates = 0;
  let accepted = 0;
  for (const seed of numbers(values.seeds)) {
    const sampler = new TemplateSampler(template, seed);
    try {
      // One by one: a jump to a deep item checks only the blocks it reads.
      for (let j = 0; j < draws; j++) sampler.nth(laneOf('test', 'base'), j);
    } catch (error) {
      if (!(error instanceof ReasonforgeError && error.kind === 'template-exhausted')) throw error;
    }
    candidates += sampler.stats.candidates;
    accepted += sampler.stats.accepted;
  }
  return (template.domainSize / 4) * (accepted / candidates);
}

/** A lane's exact size: asking for an item past its end reports how many it holds. */
function count(sampler: TemplateSampler, lane: Lane): number {
  try {
    sampler.nth(lane, Number.MAX_SAFE_INTEGER);
  } catch (error) {
    if (error instanceof ReasonforgeError && error.kind === 'template-exhausted') return error.details['found'] as number;
    throw error;
  }
  throw new Error('a lane held an item past any possible end');
}

for (const template of loadLibrary().templates) {
  if (only !== undefined && !only.includes(template.id)) continue;
  const estimated = estimate(template);
  let counted = '';
  if (estimated < countUnder) {
    const sizes = numbers(values['count-seeds']).flatMap((seed) => {
      const sampler = new TemplateSampler(template, seed);
      return LANES.map((lane) => count(sampler, lane));
    });
    counted = `\tcounted ${sizes.join(' ')} (least ${Math.min(...sizes)})`;
  }
  console.log(`${template.id}\tdomain ${template.domainSize}\testimated ${Math.round(estimated)} per lane${counted}`);
}
