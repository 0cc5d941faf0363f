import * as N from '../exact/num.js';
import type { ProblemRecord } from '../records/problem.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { REWRITE_RULES } from '../variants/compose.js';
import { ANSWER_MUST_DIFFER_FROM } from '../variants/extensions.js';

/** What a link check needs of a record: where it is, its answer and its bindings. */
export interface Placed {
  readonly line: number;
  readonly record: Pick<ProblemRecord, 'answer' | 'bindings'>;
}

/**
 * What pairing a variant with its base promises, checked between the two
 * records: shared names, shared numbers or both; the answer kept, changed or
 * given by the variant's rule; every rewritten number a rewrite of the
 * base's. (p2 against p1 is a check between siblings: see LinkChecker.)
 */
export function checkLink(record: ProblemRecord, base: Placed, template: CompiledTemplate): string[] {
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
      if (JSON.stringify(listed) !== JSON.stringify([...rewritten].sort()))
        defects.push(`the record lists ${listed.join(', ') || 'nothing'} as changed, but ${rewritten.join(', ') || 'nothing'} differs from ${where}`);
      for (const name of rewritten) {
        const from = N.numFrom(base.record.bindings[name]!);
        const to = N.numFrom(record.bindings[name]!);
        if (!rule.isRewrite(stated.get(name)!, from, to))
          defects.push(`${name} went from ${N.canonical(from)} to ${N.canonical(to)}, which is not a ${kind} rewrite`);
      }
      break;
    }
    default:
      if (differing.length > 0) defects.push(`a ${kind} variant must share its bindings with ${where}, but ${differing.join(', ')} differ`);
  }
  if ((kind === 'names' || kind === 'noop' || kind === 'paraphrase' || kind === 'reorder') && record.answer !== base.record.answer) {
    defects.push(`a ${kind} variant must keep the answer of ${where} (${base.record.answer}), not ${record.answer}`);
  }
  if ((kind === 'p1' || kind === 'p2') && base.record.answer === record.answer)
    defects.push(`a ${kind} variant must change the answer of its base (line ${base.line}), ${record.answer}`);
  if (kind === 'reverse') {
    const unknown = record.variant.reversed?.unknown ?? '';
    const value = base.record.bindings[unknown];
    if (value === undefined || N.canonical(N.numFrom(value)) !== record.answer)
      defects.push(`a reverse variant's answer is ${unknown} of ${where} (${String(value)}), not ${record.answer}`);
  }
  return defects;
}

interface Pending {
  readonly line: number;
  readonly record: ProblemRecord;
  readonly template: CompiledTemplate;
}

/**
 * Checks links as records stream past, in any order, keeping only what a
 * later record may still need: each base's answer and bindings, the answers
 * of variants that a sibling must differ from, and variants whose base has not
 * come yet. A million-record file validates in bounded memory this way.
 */
export class LinkChecker {
  private readonly bases = new Map<string, Placed>();
  private readonly waiting = new Map<string, Pending[]>();
  private readonly answers = new Map<string, Map<string, { line: number; answer: string }>>();

  /** Adds one record; returns the defects its arrival reveals, each with its line. */
  add(record: ProblemRecord, line: number, template: CompiledTemplate): { line: number; message: string }[] {
    const found: { line: number; message: string }[] = [];
    const kind = record.variant.kind;
    if (kind === 'base') {
      const base = { line, record: { answer: record.answer, bindings: record.bindings } };
      this.bases.set(record.id, base);
      for (const pending of this.waiting.get(record.id) ?? []) {
        for (const message of checkLink(pending.record, base, pending.template)) found.push({ line: pending.line, message });
      }
      this.waiting.delete(record.id);
      return found;
    }
    const base = this.bases.get(record.base_id);
    if (base !== undefined) for (const message of checkLink(record, base, template)) found.push({ line, message });
    else this.waiting.set(record.base_id, [...(this.waiting.get(record.base_id) ?? []), { line, record, template }]);
    found.push(...this.siblings(record, line));
    return found;
  }

  /** p2 against p1 (and any such rule between variants of one base), whichever came first. */
  private siblings(record: ProblemRecord, line: number): { line: number; message: string }[] {
    const kind = record.variant.kind;
    let seen = this.answers.get(record.base_id);
    if (seen === undefined) this.answers.set(record.base_id, (seen = new Map()));
    const found: { line: number; message: string }[] = [];
    for (const [later, earlier] of Object.entries(ANSWER_MUST_DIFFER_FROM) as [string, readonly string[]][]) {
      for (const other of earlier) {
        if (other === 'base') continue;
        const pair = kind === later ? seen.get(other) : kind === other ? seen.get(later) : undefined;
        if (pair === undefined || pair.answer !== record.answer) continue;
        const [lateLine, earlyLine] = kind === later ? [line, pair.line] : [pair.line, line];
        found.push({ line: lateLine, message: `a ${later} variant must change the answer of its ${other} (line ${earlyLine}), ${record.answer}` });
      }
    }
    if (Object.values(ANSWER_MUST_DIFFER_FROM).some((list: readonly string[]) => list.includes(kind)) || kind in ANSWER_MUST_DIFFER_FROM)
      seen.set(kind, { line, answer: record.answer });
    return found;
  }
}
