import { Rational } from '../exact/rational.js';
import { calleeName, type PyNode } from './ast.js';
import { Untranslatable } from './errors.js';

/** What a source name stands for when it appears in an expression. */
export type SymbolKind =
  /** A number: written as `name`. */
  | { readonly kind: 'num'; readonly name: string }
  /** A drawn entry whose word is shown and whose number is computed with (multi_times: "twice", 2): `name.value`. */
  | { readonly kind: 'pair'; readonly name: string }
  /** A name or word: text only; `words` lists the words of a literal list, which a comparison with one of them reads by position. */
  | { readonly kind: 'text'; readonly name: string; readonly words?: readonly string[] };

export type SymbolTable = ReadonlyMap<string, SymbolKind>;

/** mathjs binding strengths, loosest first; an operand looser than its operator needs parentheses. */
const P = { conditional: 1, or: 2, and: 4, compare: 6, add: 8, mul: 9, unary: 10, pow: 11, atom: 12 } as const;

interface Emitted {
  readonly text: string;
  readonly power: number;
  readonly type: 'num' | 'bool';
}

const wrap = (e: Emitted, min: number): string => (e.power < min ? `(${e.text})` : e.text);

/**
 * Writes a parsed Python-like expression in reasonforge's mathjs dialect,
 * keeping its meaning in exact arithmetic:
 *   a // b       floor(a / b)               a % b        mod(a, b) (Python's sign rule)
 *   a ** b       a ^ b                      int(x)       x truncated toward zero
 *   round(x)     x rounded half to even, as Python's round (also round(x, n))
 *   Fraction(a, b)  a / b                   is_int(x)    isInteger(x)
 *   divides(a, b)   b divides a (the release's helper, a % b == 0), our divides(b, a)
 *   x if c else y   c ? x : y               and, or, not, chained comparisons as they are
 * Parentheses are written only where mathjs needs them, so a solution step
 * reads `3 * (4 + 5)`, not `(3) * ((4) + (5))`.
 */
export function emitExpression(node: PyNode, symbols: SymbolTable, where: string): { text: string; type: 'num' | 'bool' } {
  const emitted = emit(node, symbols, where);
  return { text: emitted.text, type: emitted.type };
}

function num(text: string, power: number = P.atom): Emitted {
  return { text, power, type: 'num' };
}

function expectNum(e: Emitted, what: string, where: string): void {
  if (e.type !== 'num') throw new Untranslatable(`a true/false value used as a number in ${what}`, where);
}

function emit(node: PyNode, symbols: SymbolTable, where: string): Emitted {
  switch (node.kind) {
    case 'num': {
      const value = Rational.parse(node.text);
      if (value === null) throw new Untranslatable(`the number ${node.text}`, where);
      return num(value.toCanonical());
    }
    case 'bool':
      return { text: String(node.value), power: P.atom, type: 'bool' };
    case 'str':
      return stringAsNumber(node.value, where);
    case 'name': {
      const symbol = symbols.get(node.name);
      if (symbol === undefined) throw new Untranslatable(`the unknown name "${node.name}"`, where);
      if (symbol.kind === 'text') throw new Untranslatable(`the word variable "${node.name}" used in arithmetic`, where);
      return num(symbol.kind === 'pair' ? `${symbol.name}.value` : symbol.name);
    }
    case 'unary': {
      const operand = emit(node.operand, symbols, where);
      if (node.op === 'not') {
        if (operand.type !== 'bool') throw new Untranslatable('"not" applied to a number', where);
        return { text: `not ${wrap(operand, P.atom)}`, power: P.unary, type: 'bool' };
      }
      expectNum(operand, `"${node.op}"`, where);
      return num(`${node.op}${wrap(operand, P.unary)}`, P.unary);
    }
    case 'binary':
      return binary(node.op, emit(node.left, symbols, where), emit(node.right, symbols, where), where);
    case 'logic': {
      const left = emit(node.left, symbols, where);
      const right = emit(node.right, symbols, where);
      if (left.type !== 'bool' || right.type !== 'bool') throw new Untranslatable(`"${node.op}" between numbers (Python's value-returning ${node.op})`, where);
      const power = node.op === 'or' ? P.or : P.and;
      return { text: `${wrap(left, power)} ${node.op} ${wrap(right, power + 1)}`, power, type: 'bool' };
    }
    case 'compare': {
      // `is_int(x) == False` and the like: a condition compared with a truth value.
      if (node.ops.length === 1 && (node.ops[0] === '==' || node.ops[0] === '!=') && node.operands.some((o) => o.kind === 'bool')) {
        const [a, b] = node.operands as [PyNode, PyNode];
        const literal = (a.kind === 'bool' ? a : b) as { value: boolean };
        const test = emit(a.kind === 'bool' ? b : a, symbols, where);
        if (test.type !== 'bool') throw new Untranslatable('a number compared with True or False', where);
        return literal.value === (node.ops[0] === '==') ? test : { text: `not ${wrap(test, P.atom)}`, power: P.unary, type: 'bool' };
      }
      const word = wordComparison(node, symbols, where);
      if (word !== null) return word;
      const operands = node.operands.map((o) => emit(o, symbols, where));
      operands.forEach((o) => expectNum(o, 'a comparison', where));
      let text = wrap(operands[0]!, P.compare + 1);
      node.ops.forEach((op, i) => {
        text += ` ${op} ${wrap(operands[i + 1]!, P.compare + 1)}`;
      });
      return { text, power: P.compare, type: 'bool' };
    }
    case 'ifexp': {
      const test = emit(node.test, symbols, where);
      const body = emit(node.body, symbols, where);
      const orelse = emit(node.orelse, symbols, where);
      if (test.type !== 'bool') throw new Untranslatable('"x if c else y" whose condition is a number', where);
      if (body.type !== orelse.type) throw new Untranslatable('"x if c else y" with branches of different kinds', where);
      return { text: `${wrap(test, P.or)} ? ${wrap(body, P.or)} : ${wrap(orelse, P.conditional)}`, power: P.conditional, type: body.type };
    }
    case 'call':
      return call(node, symbols, where);
    case 'index': {
      const name = node.object.kind === 'name' ? symbols.get(node.object.name) : undefined;
      const index = node.index.kind === 'num' ? Number(node.index.text) : NaN;
      if (name?.kind === 'pair' && (index === 1 || index === -1)) return num(`${name.name}.value`);
      if (name?.kind === 'pair' && index === 0) throw new Untranslatable(`the word of "${name.name}" (${name.name}[0]) used in arithmetic`, where);
      throw new Untranslatable('indexing', where);
    }
    case 'attr':
      throw new Untranslatable(`the attribute ".${node.name}"`, where);
    case 'slice':
      throw new Untranslatable('slicing inside an expression', where);
    case 'list':
    case 'tuple':
      throw new Untranslatable(`a ${node.kind} inside an expression`, where);
  }
}

/**
 * `unit == "feet"` (or `!=`), where `unit` draws from a literal list of words:
 * the word's position in the list, read from the entry's `index` field (the
 * translator gives such a list that field). A word the list lacks makes the
 * comparison constant, as it is in Python.
 */
function wordComparison(node: Extract<PyNode, { kind: 'compare' }>, symbols: SymbolTable, where: string): Emitted | null {
  if (node.ops.length !== 1 || (node.ops[0] !== '==' && node.ops[0] !== '!=')) return null;
  const [a, b] = node.operands as [PyNode, PyNode];
  const [name, literal] = a.kind === 'name' && b.kind === 'str' ? [a, b] : b.kind === 'name' && a.kind === 'str' ? [b, a] : [null, null];
  if (name === null || literal === null) return null;
  const symbol = symbols.get(name.name);
  if (symbol?.kind !== 'text') return null;
  if (symbol.words === undefined) throw new Untranslatable(`the word variable "${name.name}" compared with a word, from a list that is not written out`, where);
  const index = symbol.words.indexOf(literal.value);
  const equal = node.ops[0] === '==';
  if (index < 0) return { text: String(!equal), power: P.atom, type: 'bool' };
  return { text: `${symbol.name}.index ${equal ? '==' : '!='} ${index}`, power: P.compare, type: 'bool' };
}

function stringAsNumber(value: string, where: string): Emitted {
  const parsed = Rational.parse(value.trim());
  if (parsed === null) throw new Untranslatable(`the string "${value}" used as a number`, where);
  return parsed.isFiniteDecimal() ? num(parsed.toCanonical()) : num(`${parsed.num} / ${parsed.den}`, P.mul);
}

function binary(op: string, left: Emitted, right: Emitted, where: string): Emitted {
  expectNum(left, `"${op}"`, where);
  expectNum(right, `"${op}"`, where);
  switch (op) {
    case '+':
    case '-':
      return num(`${wrap(left, P.add)} ${op} ${wrap(right, P.add + 1)}`, P.add);
    case '*':
    case '/':
      return num(`${wrap(left, P.mul)} ${op} ${wrap(right, P.mul + 1)}`, P.mul);
    case '//':
      return num(`floor(${wrap(left, P.mul)} / ${wrap(right, P.mul + 1)})`);
    case '%':
      return num(`mod(${left.text}, ${right.text})`);
    case '**':
      return num(`${wrap(left, P.pow + 1)} ^ ${wrap(right, P.atom)}`, P.pow);
    default:
      throw new Untranslatable(`the operator "${op}"`, where);
  }
}

function call(node: Extract<PyNode, { kind: 'call' }>, symbols: SymbolTable, where: string): Emitted {
  const name = calleeName(node.callee);
  const args = () => node.args.map((a) => emit(a, symbols, where));
  const arity = (min: number, max: number) => {
    if (node.args.length < min || node.args.length > max) throw new Untranslatable(`${name}() with ${node.args.length} argument(s)`, where);
  };
  switch (name) {
    case 'int': {
      arity(1, 1);
      const [x] = args() as [Emitted];
      expectNum(x, 'int()', where);
      // Python's int() cuts toward zero; floor and ceil agree with it on each side of zero.
      return { text: `(${wrap(x, P.compare + 1)} < 0 ? ceil(${x.text}) : floor(${x.text}))`, power: P.atom, type: 'num' };
    }
    case 'float':
      arity(1, 1);
      return args()[0]!;
    case 'round': {
      arity(1, 2);
      const [x, places] = args() as [Emitted, Emitted | undefined];
      expectNum(x, 'round()', where);
      if (places !== undefined && !/^-?[0-9]+$/.test(places.text)) throw new Untranslatable('round(x, n) with n not a whole-number literal', where);
      return roundHalfEven(x, places === undefined ? 0 : Number(places.text));
    }
    case 'abs':
    case 'math.floor':
    case 'math.ceil':
    case 'floor':
    case 'ceil': {
      arity(1, 1);
      const [x] = args() as [Emitted];
      expectNum(x, `${name}()`, where);
      return num(`${name.replace('math.', '')}(${x.text})`);
    }
    case 'min':
    case 'max': {
      if (node.args.length < 2) throw new Untranslatable(`${name}() of a list`, where);
      const xs = args();
      xs.forEach((x) => expectNum(x, `${name}()`, where));
      return num(`${name}(${xs.map((x) => x.text).join(', ')})`);
    }
    case 'Fraction': {
      arity(1, 2);
      const xs = args();
      xs.forEach((x) => expectNum(x, 'Fraction()', where));
      if (xs.length === 1) return xs[0]!;
      return num(`${wrap(xs[0]!, P.mul)} / ${wrap(xs[1]!, P.mul + 1)}`, P.mul);
    }
    case 'is_int': {
      arity(1, 1);
      const [x] = args() as [Emitted];
      expectNum(x, 'is_int()', where);
      return { text: `isInteger(${x.text})`, power: P.atom, type: 'bool' };
    }
    case 'divides': {
      // The release's divides(a, b) is `a % b == 0`: b divides a. Ours reads divides(divisor, n).
      arity(2, 2);
      const [a, b] = args() as [Emitted, Emitted];
      expectNum(a, 'divides()', where);
      expectNum(b, 'divides()', where);
      return { text: `divides(${b.text}, ${a.text})`, power: P.atom, type: 'bool' };
    }
    default:
      throw new Untranslatable(`${name ?? 'a computed function'}(...)`, where);
  }
}

/**
 * Python 3 rounds halves to the even neighbour (round(2.5) is 2), where our
 * round() goes away from zero. Exactly half-way values get the even choice;
 * all others round the same either way.
 */
function roundHalfEven(x: Emitted, places: number): Emitted {
  const scaled = places === 0 ? x : num(`${wrap(x, P.mul)} * ${10 ** places}`, P.mul);
  const s = wrap(scaled, P.mul);
  const f = `floor(${scaled.text})`;
  const even = `(${s} - ${f} == 1 / 2 ? (mod(${f}, 2) == 0 ? ${f} : ${f} + 1) : round(${scaled.text}))`;
  return places === 0 ? num(even) : num(`${even} / ${10 ** places}`, P.mul);
}
