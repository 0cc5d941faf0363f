import { Rational } from '../exact/rational.js';
import type { Pool } from '../template/pools.js';
import type { VariableSpec } from '../template/spec.js';
import { calleeName, namesIn, type PyNode } from './ast.js';
import { emitExpression, type SymbolKind } from './emit.js';
import { Untranslatable } from './errors.js';
import type { NameMap } from './names.js';
import { parsePython } from './parse.js';
import { GSM_POOLS, gsmPool } from './pools.js';
import type { SectionLine } from './source.js';

/** One variable of `#init:` in our model. */
export interface InitVariable {
  /** The release's name. */
  readonly source: string;
  /** Ours (the same unless it had to change). */
  readonly name: string;
  readonly symbol: SymbolKind;
  /** Drawn variables. */
  readonly spec?: VariableSpec;
  /** Values computed from others (`- $c = a + b`). */
  readonly derived?: string;
  /** For pool entries: the text field shown by default (`symbol` for currency signs). */
  readonly field?: string;
  /** Numbers the source lists as fractions ("1/2") are shown as fractions. */
  readonly showAsFraction?: boolean;
}

export interface InitTranslation {
  readonly variables: InitVariable[];
  /** Conditions the translation adds (two numbers drawn together are distinct). */
  readonly constraints: string[];
  /** Pools made for this template (filtered names, word and pair lists), to add to the library's. */
  readonly pools: Pool[];
  readonly notes: string[];
}

interface Draw {
  readonly spec: VariableSpec;
  readonly symbol: 'num' | 'pair' | 'text';
  readonly field?: string;
  readonly pool?: Pool;
  /** How many values the list holds: sample(list, n) needs n of them. */
  readonly size: number;
  readonly showAsFraction?: boolean;
}

/**
 * Translates the `#init:` lines: `$n = range(5, 21)` (Python's range: 21 is
 * excluded; a step may follow), `item = sample(["pen", "cup"])`, a bare list
 * (`$p = [2, 5]`, drift for sample), `a, b = sample(names, 2)` (distinct
 * draws), named pools (`sample(names_female)`, `sample(multi_times)`), a
 * constant, and derived values (`$c = a + b`). `$` marks a number.
 */
export function translateInit(lines: readonly SectionLine[], names: NameMap, pools: ReadonlyMap<string, Pool>): InitTranslation {
  const variables: InitVariable[] = [];
  const constraints: string[] = [];
  const made: Pool[] = [];
  const notes: string[] = [];
  const symbols = new Map<string, SymbolKind>();
  for (const line of lines) {
    const where = `#init line ${line.line} ("${line.text}")`;
    const equals = topLevelAssignment(line.text);
    if (equals < 0) throw new Untranslatable('an #init line without "="', where);
    const lhs = line.text.slice(0, equals).trim();
    const rhsText = line.text.slice(equals + 1).trim();
    if (/[()[\]]/.test(lhs)) throw new Untranslatable('unpacking into nested names', where);
    const targets = lhs.split(',').map((part) => part.trim());
    if (targets.some((t) => !/^\$?[A-Za-z_][A-Za-z0-9_]*$/.test(t))) throw new Untranslatable(`the assignment target "${lhs}"`, where);
    const numeric = targets.map((t) => t.startsWith('$'));
    const sources = targets.map((t) => t.replace(/^\$/, ''));
    if (sources.some((s) => symbols.has(s))) throw new Untranslatable('a variable assigned twice', where);
    const rhs = parsePython(rhsText, where);

    const draw = drawOf(rhs, numeric.some(Boolean), sources.length, pools, where);
    if (draw === null) {
      // Not a draw: a value computed from variables already drawn.
      if (sources.length !== 1) throw new Untranslatable('unpacking a computed value', where);
      const used = namesIn(rhs);
      if (used.size === 0) throw new Untranslatable(`the value "${rhsText}"`, where);
      const name = names.add(sources[0]!);
      const { text, type } = emitExpression(rhs, symbols, where);
      if (type !== 'num') throw new Untranslatable('a true/false value in #init', where);
      variables.push({ source: sources[0]!, name, symbol: { kind: 'num', name }, derived: text });
      symbols.set(sources[0]!, { kind: 'num', name });
      continue;
    }
    if (draw.pool !== undefined && !made.includes(draw.pool) && pools.get(draw.pool.id) !== draw.pool) made.push(draw.pool);
    const ours: string[] = [];
    sources.forEach((source, i) => {
      const name = names.add(source);
      ours.push(name);
      let symbol: SymbolKind;
      if (draw.symbol === 'text' && numeric[i]) {
        notes.push(`${source} is marked numeric ($) but draws words; it is treated as a word`);
        symbol = { kind: 'text', name };
      } else if (draw.symbol === 'num' && !numeric[i]) {
        notes.push(`${source} draws numbers but lacks the $ mark; it is treated as a number`);
        symbol = { kind: 'num', name };
      } else symbol = { kind: draw.symbol, name };
      variables.push({ source, name, symbol, spec: draw.spec, ...(draw.field !== undefined && { field: draw.field }), ...(draw.showAsFraction === true && { showAsFraction: true }) });
      symbols.set(source, symbol);
    });
    if (sources.length > 1) {
      if (draw.size < sources.length) throw new Untranslatable(`sample(..., ${sources.length}) from ${draw.size} values`, where);
      // Draws from one pool are distinct already; numbers drawn together must be made so.
      if (draw.symbol === 'num') {
        for (let a = 0; a < ours.length; a++) for (let b = a + 1; b < ours.length; b++) constraints.push(`${ours[a]} != ${ours[b]}`);
      }
    }
  }
  return { variables, constraints, pools: made, notes };
}

/** The index of the `=` that assigns (not part of `==`, `<=`, `!=`, `>=`), or -1. */
function topLevelAssignment(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '=') continue;
    const before = text[i - 1];
    const after = text[i + 1];
    if (after === '=' || before === '=' || before === '!' || before === '<' || before === '>') continue;
    return i;
  }
  return -1;
}

function drawOf(rhs: PyNode, numericTarget: boolean, count: number, pools: ReadonlyMap<string, Pool>, where: string): Draw | null {
  if (rhs.kind === 'list') return listDraw(rhs.items, numericTarget, where);
  if (rhs.kind === 'num' || (rhs.kind === 'unary' && rhs.op === '-' && rhs.operand.kind === 'num')) {
    const value = constantOf(rhs, where);
    return { spec: { values: [value] }, symbol: 'num', size: 1 };
  }
  if (rhs.kind === 'name') {
    if (gsmPool(rhs.name, pools) !== null) throw new Untranslatable(`a whole list ("${rhs.name}") assigned without sample()`, where);
    return null;
  }
  if (rhs.kind !== 'call') return null;
  const callee = calleeName(rhs.callee);
  if (callee === 'range') return rangeDraw(rhs.args, where);
  if (callee !== 'sample') {
    if (callee !== null && /^(sample_|range_|arange|frange|np\.|numpy\.|random\.|list|len|str)/.test(callee)) throw new Untranslatable(`${callee}(...)`, where);
    return null;
  }
  const [from, n] = rhs.args;
  if (from === undefined || rhs.args.length > 2) throw new Untranslatable(`sample() with ${rhs.args.length} arguments`, where);
  if (n !== undefined) {
    if (n.kind !== 'num' || Number(n.text) !== count) throw new Untranslatable(`sample(..., ${n.kind === 'num' ? n.text : 'n'}) assigned to ${count} name(s)`, where);
  } else if (count !== 1) throw new Untranslatable(`sample(...) of one value assigned to ${count} names`, where);
  if (from.kind === 'list') return listDraw(from.items, numericTarget, where);
  if (from.kind === 'call' && calleeName(from.callee) === 'range') return rangeDraw(from.args, where);
  if (from.kind === 'name') return poolDraw(from.name, pools, where);
  if (from.kind === 'binary' && from.op === '+') throw new Untranslatable('sample() of joined lists (a + b)', where);
  throw new Untranslatable('sample() of something other than a list, a range or a named list', where);
}

function constantOf(node: PyNode, where: string): string {
  const negative = node.kind === 'unary' && node.op === '-';
  const inner = negative ? (node as { operand: PyNode }).operand : node;
  const text = inner.kind === 'num' ? inner.text : inner.kind === 'str' ? inner.value.trim() : null;
  const value = text === null ? null : Rational.parse(text);
  if (value === null) throw new Untranslatable('a list mixing numbers with other values', where);
  const exact = negative ? value.neg() : value;
  return exact.isFiniteDecimal() && !text!.includes('/') ? exact.toCanonical() : exact.toFractionString();
}

function listDraw(items: readonly PyNode[], numericTarget: boolean, where: string): Draw {
  if (items.length === 0) throw new Untranslatable('an empty list', where);
  const strings = items.every((item) => item.kind === 'str');
  const numbers = items.every((item) => item.kind === 'num' || (item.kind === 'unary' && item.op === '-' && item.operand.kind === 'num'));
  if (strings && !(numericTarget && items.every((item) => item.kind === 'str' && Rational.parse(item.value.trim()) !== null))) {
    const words = [...new Set(items.map((item) => (item as { value: string }).value))];
    if (words.length === 1) throw new Untranslatable('a list of one word', where);
    return { spec: { words }, symbol: 'text', size: words.length };
  }
  if (!numbers && !strings) throw new Untranslatable('a list of tuples or of mixed values', where);
  const values = [...new Set(items.map((item) => constantOf(item, where)))];
  const fractions = strings && items.every((item) => item.kind === 'str' && item.value.includes('/'));
  return { spec: { values }, symbol: 'num', size: values.length, ...(fractions && { showAsFraction: true }) };
}

function rangeDraw(args: readonly PyNode[], where: string): Draw {
  if (args.length < 1 || args.length > 3) throw new Untranslatable(`range() with ${args.length} arguments`, where);
  const ints = args.map((arg) => {
    const text = arg.kind === 'num' ? arg.text : arg.kind === 'unary' && arg.op === '-' && arg.operand.kind === 'num' ? `-${arg.operand.text}` : null;
    if (text === null) throw new Untranslatable('a range that depends on another variable', where);
    if (!/^-?[0-9]+$/.test(text)) throw new Untranslatable(`range() of a non-integer (${text})`, where);
    return Number(text);
  });
  const [start, stop, step] = ints.length === 1 ? [0, ints[0]!, 1] : [ints[0]!, ints[1]!, ints[2] ?? 1];
  if (step === 0) throw new Untranslatable('range() with step 0', where);
  // Python's range stops before `stop`; the last value reached is start + k*step.
  const count = step > 0 ? Math.ceil((stop - start) / step) : Math.ceil((start - stop) / -step);
  if (count <= 0) throw new Untranslatable(`the empty range(${ints.join(', ')})`, where);
  const last = start + (count - 1) * step;
  const [min, max] = step > 0 ? [start, last] : [last, start];
  const spec: VariableSpec = Math.abs(step) === 1 ? { int: [min, max] } : { int: [min, max], step: Math.abs(step) };
  return { spec, symbol: 'num', size: count };
}

function poolDraw(name: string, pools: ReadonlyMap<string, Pool>, where: string): Draw {
  const found = gsmPool(name, pools);
  if (found === null) throw new Untranslatable(`the named list "${name}"`, where, `the named list "${name}" has no reasonforge equivalent (known: ${knownPools().join(', ')})`);
  return {
    spec: { pool: found.pool.id },
    symbol: found.numeric ? 'pair' : 'text',
    pool: found.pool,
    size: found.pool.entries.length,
    ...(found.field !== undefined && { field: found.field }),
  };
}


function knownPools(): string[] {
  return Object.keys(GSM_POOLS);
}
