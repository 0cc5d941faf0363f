import type { PyNode } from './ast.js';
import { Untranslatable } from './errors.js';
import { tokenize, type Token } from './tokens.js';

const COMPARISONS = new Set(['<', '>', '<=', '>=', '==', '!=']);
const BINARY: Readonly<Record<string, { power: number; op: '+' | '-' | '*' | '/' | '//' | '%' | '**' }>> = {
  '+': { power: 10, op: '+' },
  '-': { power: 10, op: '-' },
  '*': { power: 20, op: '*' },
  '/': { power: 20, op: '/' },
  '//': { power: 20, op: '//' },
  '%': { power: 20, op: '%' },
  '**': { power: 40, op: '**' },
};
const UNARY_POWER = 30;

/**
 * A Pratt parser for the expression subset GSM-Symbolic templates write, with
 * Python's precedence: `x if c else y` < `or` < `and` < `not` < comparisons
 * (chained) < `+ -` < `* / // %` < unary `- +` < `**` (right-associative,
 * and binding tighter than a unary minus on its left: -2**2 is -4) < calls,
 * indexing and attributes. It builds a tree; nothing is evaluated.
 */
export function parsePython(source: string, where: string): PyNode {
  const tokens = tokenize(source, where);
  let position = 0;
  const peek = (): Token => tokens[position]!;
  const next = (): Token => tokens[position++]!;
  const isOp = (token: Token, text: string) => token.kind === 'op' && token.text === text;
  const isWord = (token: Token, text: string) => token.kind === 'name' && token.text === text;
  const expectOp = (text: string) => {
    const token = next();
    if (!isOp(token, text))
      throw new Untranslatable(
        `"${describe(token)}" where "${text}" was expected`,
        where,
        `cannot parse "${source}": expected "${text}" at character ${token.at}`,
      );
  };

  const expression = (): PyNode => {
    const body = binary(0);
    if (isWord(peek(), 'if')) {
      next();
      const test = binary(0);
      if (!isWord(next(), 'else')) throw new Untranslatable('"x if c" without "else"', where);
      const orelse = expression();
      return { kind: 'ifexp', test, body, orelse };
    }
    return body;
  };

  // Levels: 1 or, 2 and, 3 not, 5 comparisons, 10+ arithmetic.
  const binary = (minPower: number): PyNode => {
    let left = prefix();
    for (;;) {
      const token = peek();
      if (token.kind === 'name' && (token.text === 'or' || token.text === 'and')) {
        const power = token.text === 'or' ? 1 : 2;
        if (power <= minPower) return left;
        next();
        left = { kind: 'logic', op: token.text, left, right: binary(power) };
        continue;
      }
      if (token.kind === 'name' && (token.text === 'in' || token.text === 'is' || (token.text === 'not' && isWord(tokens[position + 1]!, 'in')))) {
        throw new Untranslatable(`"${token.text}" comparisons`, where);
      }
      if (token.kind === 'op' && COMPARISONS.has(token.text)) {
        if (5 <= minPower) return left;
        const ops: string[] = [];
        const operands: PyNode[] = [left];
        while (peek().kind === 'op' && COMPARISONS.has((peek() as { text: string }).text)) {
          ops.push((next() as { text: string }).text);
          operands.push(binary(5));
        }
        left = { kind: 'compare', ops, operands };
        continue;
      }
      const spec = token.kind === 'op' ? BINARY[token.text] : undefined;
      if (spec === undefined || spec.power <= minPower) return left;
      next();
      // ** is right-associative: its right side may hold another ** (and a unary minus).
      const right = binary(spec.op === '**' ? spec.power - 1 : spec.power);
      left = { kind: 'binary', op: spec.op, left, right };
    }
  };

  const prefix = (): PyNode => {
    const token = peek();
    if (isWord(token, 'not')) {
      next();
      return { kind: 'unary', op: 'not', operand: binary(3) };
    }
    if (isOp(token, '-') || isOp(token, '+')) {
      next();
      return { kind: 'unary', op: (token as { text: '-' | '+' }).text, operand: binary(UNARY_POWER) };
    }
    return postfix(primary());
  };

  const postfix = (node: PyNode): PyNode => {
    for (;;) {
      const token = peek();
      if (isOp(token, '(')) {
        next();
        const args = sequence(')');
        node = { kind: 'call', callee: node, args };
      } else if (isOp(token, '[')) {
        next();
        const index = isOp(peek(), ':') ? null : expression();
        if (isOp(peek(), ':')) {
          next();
          const stop = isOp(peek(), ']') ? null : expression();
          expectOp(']');
          node = { kind: 'slice', object: node, start: index, stop };
          continue;
        }
        expectOp(']');
        node = { kind: 'index', object: node, index: index! };
      } else if (isOp(token, '.')) {
        next();
        const name = next();
        if (name.kind !== 'name') throw new Untranslatable(`"." followed by "${describe(name)}"`, where);
        node = { kind: 'attr', object: node, name: name.text };
      } else return node;
    }
  };

  const sequence = (close: string): PyNode[] => {
    const items: PyNode[] = [];
    while (!isOp(peek(), close)) {
      if (peek().kind === 'name' && isOp(tokens[position + 1]!, '='))
        throw new Untranslatable(`the keyword argument ${(peek() as { text: string }).text}=`, where);
      items.push(expression());
      if (isOp(peek(), ',')) next();
      else break;
    }
    expectOp(close);
    return items;
  };

  const primary = (): PyNode => {
    const token = next();
    switch (token.kind) {
      case 'num':
        return { kind: 'num', text: token.text };
      case 'str':
        return { kind: 'str', value: token.value };
      case 'name':
        if (token.text === 'True' || token.text === 'False') return { kind: 'bool', value: token.text === 'True' };
        if (token.text === 'None') throw new Untranslatable('None', where);
        if (['and', 'or', 'not', 'if', 'else', 'in', 'is'].includes(token.text)) {
          throw new Untranslatable(`"${token.text}" where a value was expected`, where, `cannot parse "${source}": "${token.text}" at character ${token.at}`);
        }
        return { kind: 'name', name: token.text };
      case 'op':
        if (token.text === '(') {
          if (isOp(peek(), ')')) {
            next();
            return { kind: 'tuple', items: [] };
          }
          const first = expression();
          if (isOp(peek(), ')')) {
            next();
            return first;
          }
          expectOp(',');
          const rest = sequence(')');
          return { kind: 'tuple', items: [first, ...rest] };
        }
        if (token.text === '[') return { kind: 'list', items: sequence(']') };
        throw new Untranslatable(`"${token.text}" where a value was expected`, where, `cannot parse "${source}": "${token.text}" at character ${token.at}`);
      case 'end':
        throw new Untranslatable('an expression that ends too early', where, `cannot parse "${source}": it ends where a value was expected`);
    }
  };

  const tree = expression();
  const rest = peek();
  if (rest.kind !== 'end')
    throw new Untranslatable(
      `"${describe(rest)}" after a complete expression`,
      where,
      `cannot parse "${source}": unexpected "${describe(rest)}" at character ${rest.at}`,
    );
  return tree;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'num':
    case 'name':
    case 'op':
      return token.text;
    case 'str':
      return JSON.stringify(token.value);
    case 'end':
      return 'the end';
  }
}
