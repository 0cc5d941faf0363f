import type { CompiledTemplate } from '../template/compiled.js';
import { danglingPronoun } from './references.js';

/** Premises beyond this are too many to list every order of (8! = 40,320). */
export const MAX_REORDER_PREMISES = 8;

const ordersOf = new WeakMap<CompiledTemplate, readonly (readonly number[])[]>();

/**
 * Why an order of the premises does not read correctly, or null if it does:
 * it must be a permutation other than the written order, open with a premise
 * that can open the problem (the first as written, or one marked `opens`),
 * keep every premise after those it follows (it refers back to them), and
 * never use a pronoun before its person is named.
 */
export function orderProblem(template: CompiledTemplate, order: readonly number[]): string | null {
  const n = template.premises.length;
  if (order.length !== n || new Set(order).size !== n || order.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) {
    return `the order ${JSON.stringify(order)} is not a permutation of the ${n} premises`;
  }
  if (order.every((premise, position) => premise === position)) return 'the order is the written order';
  if (!template.premises[order[0]!]!.opens) return `premise ${order[0]} cannot open the problem (it has no "opens")`;
  const position = new Map(order.map((premise, at) => [premise, at]));
  for (let premise = 0; premise < n; premise++) {
    for (const earlier of template.premises[premise]!.follows) {
      if (position.get(earlier)! > position.get(premise)!) return `premise ${premise} must follow premise ${earlier}`;
    }
  }
  const dangling = danglingPronoun([...order.map((i) => template.premises[i]!.text), template.question]);
  if (dangling !== null && dangling.index < n) return `premise ${order[dangling.index]} refers to ${dangling.name} by pronoun before ${dangling.name} is named`;
  return null;
}

/** Every order of the premises that reads correctly, other than the written one; cached per template. */
export function validOrders(template: CompiledTemplate): readonly (readonly number[])[] {
  let orders = ordersOf.get(template);
  if (orders !== undefined) return orders;
  const found: number[][] = [];
  const n = template.premises.length;
  if (n <= MAX_REORDER_PREMISES) {
    const walk = (prefix: number[], rest: number[]) => {
      if (rest.length === 0) {
        if (orderProblem(template, prefix) === null) found.push(prefix.slice());
        return;
      }
      for (let k = 0; k < rest.length; k++) {
        // Skips the branches orderProblem would refuse at every leaf: a first premise that cannot
        // open, or a premise placed before one it follows. What remains is checked in full below.
        const next = template.premises[rest[k]!]!;
        if (prefix.length === 0 && !next.opens) continue;
        if (!next.follows.every((earlier) => prefix.includes(earlier))) continue;
        prefix.push(rest[k]!);
        walk(prefix, [...rest.slice(0, k), ...rest.slice(k + 1)]);
        prefix.pop();
      }
    };
    walk(
      [],
      Array.from({ length: n }, (_, i) => i),
    );
  }
  orders = found;
  ordersOf.set(template, orders);
  return orders;
}

export function reorderUnsupported(template: CompiledTemplate): string | null {
  const n = template.premises.length;
  if (n < 2) return 'a single premise has no other order';
  if (n > MAX_REORDER_PREMISES) return `${n} premises are more than the ${MAX_REORDER_PREMISES} whose orders can be listed`;
  return validOrders(template).length === 0
    ? 'no other order of the premises opens with a premise that can open ("opens"), keeps every "follows" and every pronoun after its person'
    : null;
}

/** The premise order of one item, chosen uniformly among the valid ones. */
export function pickOrder(template: CompiledTemplate, random: () => number): readonly number[] {
  const orders = validOrders(template);
  return orders[Math.floor(random() * orders.length)]!;
}
