import type { AssignmentsAnswer, ParsedAnswer, SetAnswer, TupleAnswer } from './answer-types.js';
import type { Match } from './match.js';

/**
 * Comparing answers with several parts. Bracketed tuples compare in order and
 * need the same brackets; sets and bare lists (`2, 3`) in any order, each item
 * used once; named values (`k = 45, n = 2`) by name, or in order against an
 * unnamed list.
 */
type Same = (candidate: ParsedAnswer, reference: ParsedAnswer) => boolean;

const DIFFERENT_KIND: Match = { equivalent: false, reason: 'different-kind' };
const DIFFERENT_VALUE: Match = { equivalent: false, reason: 'different-value' };
const DIFFERENT_LENGTH: Match = { equivalent: false, reason: 'different-length' };
const ELEMENTWISE: Match = { equivalent: true, reason: 'elementwise' };

export function compareCollections(a: TupleAnswer | SetAnswer, b: TupleAnswer | SetAnswer, same: Same): Match {
  if (a.items.length !== b.items.length) return DIFFERENT_LENGTH;
  const bracketedA = a.kind === 'tuple' && a.open !== '';
  const bracketedB = b.kind === 'tuple' && b.open !== '';
  if ((bracketedA && b.kind === 'set') || (bracketedB && a.kind === 'set')) return DIFFERENT_KIND;
  if (a.kind === 'tuple' && b.kind === 'tuple' && bracketedA && bracketedB) {
    if (a.open !== b.open || a.close !== b.close) return DIFFERENT_KIND;
    return inOrder(a.items, b.items, same);
  }
  return anyOrder(a.items, b.items, same);
}

export function inOrder(a: readonly ParsedAnswer[], b: readonly ParsedAnswer[], same: Same): Match {
  if (a.length !== b.length) return DIFFERENT_LENGTH;
  for (let k = 0; k < a.length; k++) if (!same(a[k]!, b[k]!)) return DIFFERENT_VALUE;
  return ELEMENTWISE;
}

/** Each item of `a` matched to a different item of `b`, greedily (items are compared at most n² times). */
export function anyOrder(a: readonly ParsedAnswer[], b: readonly ParsedAnswer[], same: Same): Match {
  if (a.length !== b.length) return DIFFERENT_LENGTH;
  const used = new Array<boolean>(b.length).fill(false);
  for (const item of a) {
    let found = false;
    for (let k = 0; k < b.length && !found; k++) {
      if (!used[k] && same(item, b[k]!)) {
        used[k] = true;
        found = true;
      }
    }
    if (!found) return DIFFERENT_VALUE;
  }
  return ELEMENTWISE;
}

/** Named values against named values (by name) or against a list or set of values. */
export function compareAssignments(a: ParsedAnswer, b: ParsedAnswer, same: Same): Match {
  if (a.kind === 'assignments' && b.kind === 'assignments') {
    if (a.names.length !== b.names.length) return DIFFERENT_LENGTH;
    for (let k = 0; k < a.names.length; k++) {
      const at = b.names.indexOf(a.names[k]!);
      if (at < 0) return DIFFERENT_VALUE;
      if (!same(a.values[k]!, b.values[at]!)) return DIFFERENT_VALUE;
    }
    return ELEMENTWISE;
  }
  const named = (a.kind === 'assignments' ? a : b) as AssignmentsAnswer;
  const other = a.kind === 'assignments' ? b : a;
  const candidateFirst = a.kind === 'assignments';
  const compare: Same = candidateFirst ? same : (x, y) => same(y, x);
  if (other.kind === 'tuple') return inOrder(named.values, other.items, compare);
  if (other.kind === 'set') return anyOrder(named.values, other.items, compare);
  return DIFFERENT_KIND;
}
