import seedrandom from 'seedrandom';
import * as N from '../exact/num.js';
import { compileExpression } from '../expr/compile.js';
import type { CompiledExpr, Env, SymbolInfo } from '../expr/types.js';
import type { Pool } from '../template/pools.js';
import type { VariableSpec } from '../template/spec.js';
import { domainOf, type Domain } from '../template/variables.js';

/** How many draws that meet the release's conditions a comparison looks at, and how long it looks for them. */
const POINTS = 12;
const ATTEMPTS = 20_000;

/**
 * Compares two of our expressions over a template's variables by evaluating
 * them, exactly, at draws that meet the release's own conditions: what
 * decides whether a calculation the release writes in prose (`{a} + {b} =
 * {a+b}`) is right as algebra before the translator makes it an annotated
 * step. A finite check, not a proof, so every step it admits still gets a
 * condition that drops any draw where the two sides differ.
 */
export class Probe {
  private readonly slots = new Map<string, SymbolInfo>();
  private readonly domains: { slot: number; domain: Domain }[] = [];
  private readonly derived: { slot: number; expr: CompiledExpr }[] = [];
  private points: Env[] | null = null;

  constructor(
    variables: ReadonlyMap<string, VariableSpec>,
    derived: ReadonlyMap<string, string>,
    private readonly conditions: () => readonly string[],
    pools: ReadonlyMap<string, Pool>,
    private readonly seedKey: string,
  ) {
    for (const [name, spec] of variables) {
      let domain: Domain;
      try {
        domain = domainOf(spec, pools, '(probe)', name);
      } catch {
        continue;
      }
      const slot = this.slots.size;
      this.slots.set(name, { slot, kind: domain.kind, ...(domain.pool !== undefined && { numericFields: domain.pool.numericFields }) });
      this.domains.push({ slot, domain });
    }
    for (const [name, text] of derived) {
      const slot = this.slots.size;
      const expr = this.compile(text);
      this.slots.set(name, { slot, kind: 'num' });
      if (expr !== null) this.derived.push({ slot, expr });
    }
  }

  /** True when both expressions give the same value at every probed draw (and at least three could be probed). */
  same(a: string, b: string): boolean {
    const left = this.compile(a);
    const right = this.compile(b);
    if (left === null || right === null) return false;
    let compared = 0;
    for (const env of this.draws()) {
      try {
        if (!N.equals(left.evaluate(env) as N.Num, right.evaluate(env) as N.Num)) return false;
        compared++;
      } catch {
        continue;
      }
    }
    return compared >= 3;
  }

  private compile(text: string): CompiledExpr | null {
    try {
      return compileExpression(text, (name) => this.slots.get(name));
    } catch {
      return null;
    }
  }

  /** Draws meeting the release's conditions, found once from a stream keyed by the template. */
  private draws(): Env[] {
    if (this.points !== null) return this.points;
    const conditions = this.conditions()
      .map((c) => this.compile(c))
      .filter((c): c is CompiledExpr => c !== null);
    const random = seedrandom.tychei(`probe|${this.seedKey}`);
    const points: Env[] = [];
    for (let attempt = 0; attempt < ATTEMPTS && points.length < POINTS; attempt++) {
      const env: Env = new Array(this.slots.size);
      for (const { slot, domain } of this.domains) env[slot] = domain.valueAt(Math.floor(random() * domain.size));
      try {
        for (const { slot, expr } of this.derived) env[slot] = expr.evaluate(env) as N.Num;
        if (conditions.every((c) => c.evaluate(env) === true)) points.push(env);
      } catch {
        continue;
      }
    }
    this.points = points;
    return points;
  }
}
