import { namesIn } from './ast.js';
import { emitExpression, type SymbolKind } from './emit.js';
import { Untranslatable } from './errors.js';
import type { InitVariable } from './init.js';
import { parsePython } from './parse.js';
import type { SectionLine } from './source.js';

/**
 * A condition such as `ans == total - x - y` ties a drawn number to the
 * others: drawing all of them and keeping the draws where it holds accepts
 * one in hundreds or thousands. Drawing the others and computing `ans`, then
 * keeping the draws where it lands in its own range, gives exactly the same
 * distribution (for each draw of the others there is one `ans` or none) at
 * the others' acceptance rate. So a whole-number variable equal to an
 * expression of other drawn variables becomes a derived value, and its
 * range becomes a condition.
 */
export function solveEqualities(
  variables: readonly InitVariable[],
  conditions: readonly SectionLine[],
): { variables: InitVariable[]; conditions: SectionLine[]; constraints: string[]; notes: string[] } {
  let current = [...variables];
  const kept: SectionLine[] = [];
  const constraints: string[] = [];
  const notes: string[] = [];
  for (const line of conditions) {
    const solved = solveOne(current, line);
    if (solved === null) {
      kept.push(line);
      continue;
    }
    current = solved.variables;
    constraints.push(solved.range);
    notes.push(
      `#conditions line ${line.line} ("${line.text}"): ${solved.name} is computed from it instead of drawn and checked, with its range as a condition`,
    );
  }
  return { variables: current, conditions: kept, constraints, notes };
}

function solveOne(variables: InitVariable[], line: SectionLine): { variables: InitVariable[]; range: string; name: string } | null {
  let tree;
  try {
    tree = parsePython(line.text, 'a condition');
  } catch (error) {
    if (error instanceof Untranslatable) return null;
    throw error;
  }
  if (tree.kind !== 'compare' || tree.ops.length !== 1 || tree.ops[0] !== '==') return null;
  const bySource = new Map(variables.map((v) => [v.source, v]));
  for (const [side, other] of [tree.operands, [...tree.operands].reverse()] as const) {
    if (side === undefined || other === undefined || side.kind !== 'name') continue;
    const target = bySource.get(side.name);
    if (target === undefined || target.spec === undefined || !('int' in target.spec) || target.symbol.kind !== 'num') continue;
    const reads = namesIn(other);
    // Only other drawn numbers (or words that stand for numbers), so the computed value can come first among the derived ones.
    if (
      reads.has(side.name) ||
      reads.size === 0 ||
      ![...reads].every((n) => {
        const v = bySource.get(n);
        return v !== undefined && v.spec !== undefined && v.symbol.kind !== 'text';
      })
    )
      continue;
    if (
      variables.some((v) => v.derived !== undefined && new RegExp(`\\b${target.name}\\b`).test(v.derived) && variables.indexOf(v) < variables.indexOf(target))
    )
      continue;
    const symbols = new Map<string, SymbolKind>(variables.map((v) => [v.source, v.symbol]));
    let expression: string;
    try {
      const emitted = emitExpression(other, symbols, `#conditions line ${line.line}`);
      if (emitted.type !== 'num') continue;
      expression = emitted.text;
    } catch (error) {
      if (error instanceof Untranslatable) continue;
      throw error;
    }
    const [min, max] = target.spec.int;
    const step = target.spec.step ?? 1;
    const name = target.name;
    const range =
      step === 1
        ? `isInteger(${name}) and ${min} <= ${name} and ${name} <= ${max}`
        : `isInteger((${name} - ${min}) / ${step}) and ${min} <= ${name} and ${name} <= ${max}`;
    const { spec: _drawn, ...rest } = target;
    const computed: InitVariable = { ...rest, derived: expression };
    // Derived values are computed in order: this one before any other.
    const others = variables.filter((v) => v !== target);
    const firstDerived = others.findIndex((v) => v.derived !== undefined);
    const at = firstDerived < 0 ? others.length : firstDerived;
    return { variables: [...others.slice(0, at), computed, ...others.slice(at)], range, name };
  }
  return null;
}
