import { formatRate } from '../engine/sampler.js';
import type { LintResult } from '../lint/lint-template.js';

/** One template's lint headline: ok or FAIL, then acceptance, capacity, answers, steps and variants. */
export function describe(result: LintResult): string {
  const s = result.stats;
  const head = `${result.ok ? 'ok  ' : 'FAIL'}  ${result.template}`;
  if (s === null) return head;
  const answers = s.answerMin === null ? 'no answers' : `answers ${s.answerMin}..${s.answerMax} (${s.distinctAnswers} distinct)`;
  return `${head}  acceptance ${formatRate(s.acceptance)}  capacity ~${s.capacity}  ${answers}  steps ${s.steps}  ${s.variants.join(',')}`;
}
