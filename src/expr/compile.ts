import type { MathNode } from 'mathjs';
import * as N from '../exact/num.js';
import { Rational } from '../exact/rational.js';
import { FUNCTIONS } from './functions.js';
import { parseMath } from './restricted-mathjs.js';
import { ExprError, type CompiledExpr, type Entity, type Env, type ExprType, type SymbolResolver } from './types.js';

/**
 * Compiles a template expression (mathjs syntax) into closures over exact
 * numbers. mathjs only parses; every node type, operator and function is
 * checked against a whitelist here, types are checked before anything runs,
 * and evaluation never leaves rational arithmetic.
 */
export function compileExpression(source: string, resolve: SymbolResolver): CompiledExpr {
  let root: MathNode;
  try {
    root = parseMath(source);
  } catch (error) {
    throw new ExprError(`cannot parse "${source}": ${error instanceof Error ? error.message : String(error)}`);
  }
  const symbols = new Set<string>();
  const node = compileNode(root, resolve, symbols);
  return {
    source,
    type: node.type,
    symbols,
    operations: node.operations,
    plainArithmetic: node.plain,
    evaluate: node.evaluate,
    display: (env, spaced) => node.display(env, spaced),
  };
}

interface Node {
  readonly type: ExprType;
  readonly operations: number;
  readonly plain: boolean;
  readonly evaluate: (env: Env) => Num | boolean;
  readonly display: (env: Env, spaced: boolean) => string;
}

type Num = N.Num;

const ARITHMETIC: Readonly<Record<string, { symbol: string; apply: (a: Num, b: Num) => Num; plain: boolean }>> = {
  add: { symbol: '+', apply: N.add, plain: true },
  subtract: { symbol: '-', apply: N.sub, plain: true },
  multiply: { symbol: '*', apply: N.mul, plain: true },
  divide: { symbol: '/', apply: N.div, plain: true },
  pow: { symbol: '^', apply: N.pow, plain: true },
  mod: { symbol: '%', apply: N.mod, plain: false },
};

const COMPARISON: Readonly<Record<string, (order: -1 | 0 | 1) => boolean>> = {
  equal: (o) => o === 0,
  unequal: (o) => o !== 0,
  smaller: (o) => o < 0,
  smallerEq: (o) => o <= 0,
  larger: (o) => o > 0,
  largerEq: (o) => o >= 0,
};

const LOGIC: Readonly<Record<string, (a: boolean, b: boolean) => boolean>> = {
  and: (a, b) => a && b,
  or: (a, b) => a || b,
  xor: (a, b) => a !== b,
};

function compileNode(node: MathNode, resolve: SymbolResolver, symbols: Set<string>): Node {
  switch (node.type) {
    case 'ConstantNode':
      return constant((node as unknown as { value: unknown }).value);
    case 'SymbolNode':
      return symbol((node as unknown as { name: string }).name, resolve, symbols);
    case 'AccessorNode':
      return accessor(node, resolve, symbols);
    case 'ParenthesisNode': {
      const inner = compileNode((node as unknown as { content: MathNode }).content, resolve, symbols);
      return { ...inner, display: (env, spaced) => `(${inner.display(env, spaced)})` };
    }
    case 'OperatorNode':
      return operator(node, resolve, symbols);
    case 'RelationalNode':
      return relational(node, resolve, symbols);
    case 'ConditionalNode':
      return conditional(node, resolve, symbols);
    case 'FunctionNode':
      return functionCall(node, resolve, symbols);
    default:
      throw new ExprError(`${describeNode(node.type)} is not allowed in template expressions`);
  }
}

function describeNode(type: string): string {
  const names: Record<string, string> = {
    AssignmentNode: 'assignment',
    FunctionAssignmentNode: 'defining a function',
    BlockNode: 'a block of several expressions',
    ArrayNode: 'an array',
    ObjectNode: 'an object',
    IndexNode: 'indexing',
    RangeNode: 'a range',
  };
  return names[type] ?? `a ${type}`;
}

function constant(value: unknown): Node {
  if (typeof value === 'boolean') {
    return { type: 'bool', operations: 0, plain: false, evaluate: () => value, display: () => String(value) };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ExprError(`only numbers and true/false are allowed as constants, not ${JSON.stringify(value)}`);
  }
  const exact: Num = N.fromRational(Rational.fromNumber(value));
  const text = N.canonical(exact);
  return { type: 'num', operations: 0, plain: true, evaluate: () => exact, display: () => text };
}

function symbol(name: string, resolve: SymbolResolver, symbols: Set<string>): Node {
  const info = resolve(name);
  if (info === undefined) {
    const hint = FUNCTIONS[name] !== undefined ? ` (${name} is a function: call it as ${name}(...))` : '';
    throw new ExprError(`unknown variable "${name}"${hint}`);
  }
  if (info.kind === 'entity') {
    const fields = info.numericFields?.length ? `; use one of its numeric fields: ${info.numericFields.map((f) => `${name}.${f}`).join(', ')}` : '';
    throw new ExprError(`"${name}" is a name or word, not a number${fields}`);
  }
  symbols.add(name);
  const slot = info.slot;
  return {
    type: 'num',
    operations: 0,
    plain: true,
    evaluate: (env) => env[slot] as Num,
    display: (env) => displayValue(env[slot] as Num),
  };
}

function accessor(node: MathNode, resolve: SymbolResolver, symbols: Set<string>): Node {
  const { object, index } = node as unknown as { object: MathNode; index: { dotNotation?: boolean; dimensions: MathNode[] } };
  const field = index.dimensions[0] as unknown as { value?: unknown } | undefined;
  if (object.type !== 'SymbolNode' || !index.dotNotation || typeof field?.value !== 'string') {
    throw new ExprError('only a field of a drawn entry, such as item.weight, can be accessed');
  }
  const name = (object as unknown as { name: string }).name;
  const fieldName = field.value;
  const info = resolve(name);
  if (info === undefined) throw new ExprError(`unknown variable "${name}"`);
  if (info.kind !== 'entity') throw new ExprError(`"${name}" is a number and has no field "${fieldName}"`);
  if (!info.numericFields?.includes(fieldName)) {
    const known = info.numericFields?.length ? info.numericFields.join(', ') : 'none';
    throw new ExprError(`"${name}" has no numeric field "${fieldName}" in every entry; numeric fields: ${known}`);
  }
  symbols.add(name);
  const slot = info.slot;
  const read = (env: Env): Num => (env[slot] as Entity).numbers[fieldName] as Num;
  return { type: 'num', operations: 0, plain: true, evaluate: read, display: (env) => displayValue(read(env)) };
}

/** Values that would change an expression's meaning when pasted in get parentheses: `(-3)`, `(1/3)`. */
export function displayValue(value: Num): string {
  const text = N.canonical(value);
  return N.sign(value) < 0 || text.includes('/') ? `(${text})` : text;
}

function expectType(node: Node, type: ExprType, context: string): void {
  if (node.type !== type) {
    throw new ExprError(`${context} needs ${type === 'num' ? 'a number' : 'a true/false condition'}, not ${node.type === 'num' ? 'a number' : 'a condition'}`);
  }
}

function operator(node: MathNode, resolve: SymbolResolver, symbols: Set<string>): Node {
  const { fn, op, args, implicit } = node as unknown as { fn: string; op: string; args: MathNode[]; implicit?: boolean };
  if (implicit) throw new ExprError(`implicit multiplication is not allowed; write the * in "${node.toString()}"`);
  const parts = args.map((arg) => compileNode(arg, resolve, symbols));
  const operations = parts.reduce((sum, part) => sum + part.operations, 0);

  if (fn === 'unaryMinus' || fn === 'unaryPlus') {
    const [inner] = parts as [Node];
    expectType(inner, 'num', `"${op}"`);
    const negate = fn === 'unaryMinus';
    return {
      type: 'num',
      operations,
      plain: inner.plain,
      evaluate: negate ? (env) => N.neg(inner.evaluate(env) as Num) : inner.evaluate,
      display: (env, spaced) => (negate ? '-' : '') + inner.display(env, spaced),
    };
  }
  if (fn === 'not') {
    const [inner] = parts as [Node];
    expectType(inner, 'bool', '"not"');
    return { type: 'bool', operations, plain: false, evaluate: (env) => !inner.evaluate(env), display: (env, s) => `not ${inner.display(env, s)}` };
  }
  const [left, right] = parts as [Node, Node];
  const arithmetic = ARITHMETIC[fn];
  if (arithmetic !== undefined) {
    expectType(left, 'num', `"${arithmetic.symbol}"`);
    expectType(right, 'num', `"${arithmetic.symbol}"`);
    const { apply, symbol: sym } = arithmetic;
    return {
      type: 'num',
      operations: operations + 1,
      plain: arithmetic.plain && left.plain && right.plain,
      evaluate: (env) => apply(left.evaluate(env) as Num, right.evaluate(env) as Num),
      display: (env, spaced) => `${left.display(env, spaced)}${spaced ? ` ${sym} ` : sym}${right.display(env, spaced)}`,
    };
  }
  const comparison = COMPARISON[fn];
  if (comparison !== undefined) {
    expectType(left, 'num', `"${op}"`);
    expectType(right, 'num', `"${op}"`);
    return {
      type: 'bool',
      operations,
      plain: false,
      evaluate: (env) => comparison(N.compare(left.evaluate(env) as Num, right.evaluate(env) as Num)),
      display: (env, s) => `${left.display(env, s)} ${op} ${right.display(env, s)}`,
    };
  }
  const logic = LOGIC[fn];
  if (logic !== undefined) {
    expectType(left, 'bool', `"${op}"`);
    expectType(right, 'bool', `"${op}"`);
    return {
      type: 'bool',
      operations,
      plain: false,
      evaluate: (env) => logic(left.evaluate(env) as boolean, right.evaluate(env) as boolean),
      display: (env, s) => `${left.display(env, s)} ${op} ${right.display(env, s)}`,
    };
  }
  throw new ExprError(`the operator "${op}" is not allowed in template expressions`);
}

function relational(node: MathNode, resolve: SymbolResolver, symbols: Set<string>): Node {
  const { conditionals, params } = node as unknown as { conditionals: string[]; params: MathNode[] };
  const parts = params.map((param) => compileNode(param, resolve, symbols));
  const tests = conditionals.map((name) => {
    const test = COMPARISON[name];
    if (test === undefined) throw new ExprError(`the comparison "${name}" is not allowed`);
    return test;
  });
  parts.forEach((part) => expectType(part, 'num', 'a chained comparison'));
  return {
    type: 'bool',
    operations: parts.reduce((sum, part) => sum + part.operations, 0),
    plain: false,
    evaluate: (env) => {
      let previous = parts[0]!.evaluate(env) as Num;
      for (let i = 0; i < tests.length; i++) {
        const next = parts[i + 1]!.evaluate(env) as Num;
        if (!tests[i]!(N.compare(previous, next))) return false;
        previous = next;
      }
      return true;
    },
    display: () => node.toString(),
  };
}

function conditional(node: MathNode, resolve: SymbolResolver, symbols: Set<string>): Node {
  const raw = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
  const condition = compileNode(raw.condition, resolve, symbols);
  const whenTrue = compileNode(raw.trueExpr, resolve, symbols);
  const whenFalse = compileNode(raw.falseExpr, resolve, symbols);
  expectType(condition, 'bool', 'the condition of "? :"');
  if (whenTrue.type !== whenFalse.type) throw new ExprError('both branches of "? :" must have the same type');
  return {
    type: whenTrue.type,
    operations: condition.operations + whenTrue.operations + whenFalse.operations,
    plain: false,
    evaluate: (env) => (condition.evaluate(env) ? whenTrue.evaluate(env) : whenFalse.evaluate(env)),
    display: (env, s) => (condition.evaluate(env) ? whenTrue.display(env, s) : whenFalse.display(env, s)),
  };
}

function functionCall(node: MathNode, resolve: SymbolResolver, symbols: Set<string>): Node {
  const { fn, args } = node as unknown as { fn: MathNode; args: MathNode[] };
  const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : undefined;
  const spec = name === undefined ? undefined : FUNCTIONS[name];
  if (name === undefined || spec === undefined) {
    throw new ExprError(`the function "${name ?? fn.toString()}" is not allowed; allowed functions: ${Object.keys(FUNCTIONS).join(', ')}`);
  }
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    const expected =
      spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : spec.maxArgs === Infinity ? `at least ${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
    throw new ExprError(`${name}() takes ${expected} argument(s), got ${args.length}`);
  }
  const parts = args.map((arg) => compileNode(arg, resolve, symbols));
  parts.forEach((part) => expectType(part, 'num', `${name}()`));
  const apply = spec.apply;
  return {
    type: spec.returns,
    operations: parts.reduce((sum, part) => sum + part.operations, 1),
    plain: false,
    evaluate: evaluateCall(apply, parts),
    display: (env, s) => `${name}(${parts.map((part) => part.display(env, s)).join(', ')})`,
  };
}

/** Calls with one or two arguments, the common case, skip building an argument array per evaluation. */
function evaluateCall(apply: (args: readonly Num[]) => Num | boolean, parts: readonly Node[]): (env: Env) => Num | boolean {
  const [first, second] = parts;
  if (parts.length === 1) return (env) => apply([first!.evaluate(env) as Num]);
  if (parts.length === 2) return (env) => apply([first!.evaluate(env) as Num, second!.evaluate(env) as Num]);
  return (env) => apply(parts.map((part) => part.evaluate(env) as Num));
}
