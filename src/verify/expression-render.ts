import type { Expr } from './expression-tree.js';

/**
 * Prints expression trees with as few parentheses as precedence allows, so
 * that parsing the printed text gives the same tree back (a property test
 * checks this through normalizeAnswer).
 */
const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, neg: 3, '^': 4, pct: 5, atom: 6 } as const;

/** Prints an expression so that parsing the output gives the same tree back. */
export function renderExpression(expr: Expr): string {
  return render(expr, 0);
}

function render(expr: Expr, outer: number): string {
  let text: string;
  let own: number;
  switch (expr.k) {
    case 'num': {
      text = expr.value.toCanonical();
      own = text.includes('/') ? PRECEDENCE['/'] : expr.value.sign() < 0 ? PRECEDENCE.neg : PRECEDENCE.atom;
      break;
    }
    case 'var':
      text = expr.name;
      own = PRECEDENCE.atom;
      break;
    case 'call':
      text = `${expr.fn}(${expr.args.map((arg) => render(arg, 0)).join(', ')})`;
      own = PRECEDENCE.atom;
      break;
    case 'neg':
      text = `-${render(expr.a, PRECEDENCE.neg)}`;
      own = PRECEDENCE.neg;
      break;
    case 'pct':
      text = `${render(expr.a, PRECEDENCE.pct)}%`;
      own = PRECEDENCE.pct;
      break;
    case 'bin': {
      own = PRECEDENCE[expr.op];
      // Left-associative operators need parentheses on a right operand of equal precedence; ^ on the left.
      const leftFloor = expr.op === '^' ? own + 1 : own;
      const rightFloor = expr.op === '^' ? own : own + 1;
      const spaced = expr.op === '+' || expr.op === '-';
      const joint = spaced ? ` ${expr.op} ` : expr.op;
      text = `${render(expr.a, leftFloor)}${joint}${render(expr.b, rightFloor)}`;
      break;
    }
  }
  return own < outer ? `(${text})` : text;
}
