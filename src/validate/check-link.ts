import * as N from '../exact/num.js';
import type { ProblemRecord } from '../records/problem.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { REWRITE_RULES } from '../variants/compose.js';
import { ANSWER_MUST_DIFFER_FROM } from '../variants/extensions.js';

export interface Placed {
  readonly line: number;
  readonly record: ProblemRecord;
}

/**
 * What pairing a variant with its base promises, checked between the two
 * records (and, for p2, p1): shared names, shared numbers or both; the
 * answer kept, changed or given by the variant's rule; every rewritten
 * number a rewrite of the base's.
 */
export function checkLink(record: ProblemRecord, base: Placed, template: CompiledTemplate, siblings: ReadonlyMap<string, Placed>): string[] {
  const defects: string[] = [];
  const cosmetic = new Set(template.cosmetic.map((c) => template.slots[c.slot]!.name));
  const kind = record.variant.kind;
  const where = `its base (line ${base.line})`;
  const differing = Object.keys(record.bindings).filter((name) => record.bindings[name] !== base.record.bindings[name]);
  switch (kind) {
    case 'names': {
      const numeric = differing.filter((name) => !cosmetic.has(name));
      if (numeric.length > 0) defects.push(`a names variant changed ${numeric.join(', ')} from ${where}; only names may change`);
      if (differing.length === 0) defects.push(`a names variant changed no name from ${where}`);
      break;
    }
    case 'numbers': {
      const names = differing.filter((name) => cosmetic.has(name));
      if (names.length > 0) defects.push(`a numbers variant changed the names ${names.join(', ')} from ${where}`);
      if (differing.length === 0) defects.push(`a numbers variant changed no number from ${where}`);
      break;
    }
    case 'digits':
    case 'decimal':
    case 'fraction': {
      const rule = REWRITE_RULES[kind];
      const stated = new Map(template.stated.map((s) => [s.name, s]));
      const derived = new Set(template.derived.map((d) => d.name));
      const rewritten = differing.filter((name) => stated.has(name));
      const other = differing.filter((name) => !stated.has(name) && !derived.has(name));
      if (other.length > 0) defects.push(`a ${kind} variant changed ${other.join(', ')} from ${where}; it rewrites stated numbers only`);
      const listed = [...(record.variant.changed ?? [])].sort();
      if (JSON.stringify(listed) !== JSON.stringify([...rewritten].sort())) defects.push(`the record lists ${listed.join(', ') || 'nothing'} as changed, but ${rewritten.join(', ') || 'nothing'} differs from ${where}`);
      for (const name of rewritten) {
        const from = N.numFrom(base.record.bindings[name]!);
        const to = N.numFrom(record.bindings[name]!);
        if (!rule.isRewrite(stated.get(name)!, from, to)) defects.push(`${name} went from ${N.canonical(from)} to ${N.canonical(to)}, which is not a ${kind} rewrite`);
      }
      break;
    }
    default:
      if (differing.length > 0) defects.push(`a ${kind} variant must share its bindings with ${where}, but ${differing.join(', ')} differ`);
  }
  if ((kind === 'names' || kind === 'noop' || kind === 'paraphrase' || kind === 'reorder') && record.answer !== base.record.answer) {
    defects.push(`a ${kind} variant must keep the answer of ${where} (${base.record.answer}), not ${record.answer}`);
  }
  if (kind === 'p1' || kind === 'p2') {
    for (const other of ANSWER_MUST_DIFFER_FROM[kind]) {
      const earlier = other === 'base' ? base : siblings.get(other);
      if (earlier !== undefined && earlier.record.answer === record.answer) defects.push(`a ${kind} variant must change the answer of its ${other} (line ${earlier.line}), ${record.answer}`);
    }
  }
  if (kind === 'reverse') {
    const unknown = record.variant.reversed?.unknown ?? '';
    const value = base.record.bindings[unknown];
    if (value === undefined || N.canonical(N.numFrom(value)) !== record.answer) defects.push(`a reverse variant's answer is ${unknown} of ${where} (${String(value)}), not ${record.answer}`);
  }
  return defects;
}
