import type { CheckedExpr, CheckStep, DerivedValue } from './compiled.js';

/**
 * The order in which a draw's derived values are computed and its
 * constraints tested (the core problem's, or one clause's): the derived values in their own order, each constraint
 * right after the last derived value it reads (before all of them if it reads
 * only drawn variables), constraints that become ready together in their
 * written order. Most draws fail a constraint, and this way a failing one
 * stops the draw before the values it does not need are worked out. A draw
 * passes exactly when every value can be computed and every constraint holds,
 * in any order, so the order changes no outcome, only which refusal is named.
 */
export function checkOrder(derived: readonly DerivedValue[], constraints: readonly CheckedExpr[]): CheckStep[] {
  const position = new Map(derived.map((d, i) => [d.name, i]));
  const readyAfter = constraints.map((c) => Math.max(-1, ...[...c.expr.symbols].map((name) => position.get(name) ?? -1)));
  const order: CheckStep[] = constraints.filter((_, k) => readyAfter[k] === -1).map((check) => ({ slot: -1, check }));
  derived.forEach((d, i) => {
    order.push({ slot: d.slot, check: d });
    constraints.forEach((check, k) => {
      if (readyAfter[k] === i) order.push({ slot: -1, check });
    });
  });
  return order;
}
