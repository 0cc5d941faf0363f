import * as N from '../exact/num.js';
import { below } from '../engine/hash.js';
import type { CompiledAnswer, CompiledTemplate, StatedNumber } from '../template/compiled.js';
import type { RewriteRule } from './rewrite.js';

const answers = new WeakMap<CompiledTemplate, CompiledAnswer>();

function growable(template: CompiledTemplate): StatedNumber[] {
  return template.stated.filter((s) => s.digits !== undefined);
}

/**
 * GSM-Plus's digit expansion: every number the template lets grow gains
 * `append` digits (v becomes v * 10^append + r), and at least half of the
 * numbers the problem states must be growable. Numbers that would make the
 * story absurd (ages, percentages) are simply not growable.
 */
export const DIGITS: RewriteRule = {
  variant: 'digits',
  rewritable: growable,
  unsupported(template) {
    const count = growable(template).length;
    const needed = Math.ceil(template.stated.length / 2);
    if (count === 0) return 'no stated number says how it may grow (perturb.digits)';
    return count < needed
      ? `only ${count} of the ${template.stated.length} stated numbers may grow, and the digits variant changes at least half of them`
      : null;
  },
  pick: (rewritable) => rewritable,
  // Every growable number, each given one of the remainders below.
  distinctRewrites: (numbers) => numbers.reduce((count, s) => count * Math.ceil(10 ** s.digits!.append / s.digits!.step), 1),
  rewrite(stated, base, hash) {
    const { append, step } = stated.digits!;
    const scale = 10 ** append;
    return N.add(N.mul(base, scale), step * below(hash, scale / step));
  },
  isRewrite(stated, base, value) {
    if (stated.digits === undefined) return false;
    const { append, step } = stated.digits;
    const scale = 10 ** append;
    const rest = N.sub(value, N.mul(base, scale));
    return N.isInteger(rest) && N.sign(rest) >= 0 && N.compare(rest, scale) < 0 && N.isInteger(N.div(rest, step));
  },
  changedProblem(template, changed) {
    const missing = growable(template).filter((s) => !changed.includes(s.name));
    return missing.length > 0 ? `the digits variant grows every growable number, but ${missing.map((s) => s.name).join(', ')} did not change` : null;
  },
  answer(template) {
    let answer = answers.get(template);
    if (answer === undefined) {
      // Bigger numbers make bigger answers: the range grows with the digits added, the type stays.
      const added = growable(template).reduce((sum, s) => sum + s.digits!.append, 0);
      answer = { ...template.answer, pointer: `${template.answer.pointer} (digits variant)`, max: N.mul(template.answer.max, 10 ** added) };
      answers.set(template, answer);
    }
    return answer;
  },
  anyIntermediate: (template) => template.anyIntermediate,
  formats: () => undefined,
};
