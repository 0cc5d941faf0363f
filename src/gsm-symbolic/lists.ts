import { Rational } from '../exact/rational.js';
import type { Pool } from '../template/pools.js';
import { calleeName, type PyNode } from './ast.js';
import { Untranslatable } from './errors.js';
import { GSM_POOLS, wordsOf } from './pools.js';

/**
 * What a list expression of `#init:` holds, read without running it: the
 * values a draw picks from, uniformly, as the release's generator does.
 */
export type ListValue =
  /** range(a, b, step) as [first, last, step]; `words` when the release writes it as words (numbers_within). */
  | { readonly kind: 'int'; readonly range: readonly [number, number, number]; readonly words: boolean }
  /** A decimal range (np.arange, frange), exact: min, min + step, ..., max. */
  | { readonly kind: 'decimal'; readonly min: string; readonly max: string; readonly step: string; readonly size: number }
  | { readonly kind: 'numbers'; readonly values: readonly string[]; readonly fractions: boolean }
  | { readonly kind: 'words'; readonly words: readonly string[] }
  /** (word, number) entries: the word is shown, the number computed with. */
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string])[] }
  /** A list the release names (names, multi_times, ...), mapped to our pools. */
  | { readonly kind: 'named'; readonly name: string };

/** Wrappers that change neither which values a list holds nor how they are drawn. */
const TRANSPARENT = new Set(['list', 'shuffle_list', 'fix_floats', 'sorted', 'set']);
const ARANGE = new Set(['np.arange', 'numpy.arange', 'arange', 'frange']);
const RANDINT = new Set(['np.random.randint', 'numpy.random.randint', 'random.randint']);

/**
 * The list an expression stands for, or null when it is not a list (a value
 * computed from variables). Reads `[...]` of numbers, words or (word, number)
 * tuples; named lists; `a + b` (joined lists); `xs * n` (repeated, which
 * leaves a uniform draw unchanged); `xs[:k]`; `list(...)`, `shuffle_list(...)`,
 * `fix_floats(...)`; `range`; decimal ranges (`np.arange`, `frange`, the stop
 * excluded); `np.random.randint(low, high, size)` (its values lie in
 * [low, high), from which the release drew a fixed sample we cannot know);
 * and `numbers_within(a, b)`, a to b written in words.
 */
export function listOf(node: PyNode, pools: ReadonlyMap<string, Pool>, where: string): ListValue | null {
  switch (node.kind) {
    case 'list':
    case 'tuple':
      return literalList(node.items, where);
    case 'name':
      return GSM_POOLS[node.name] === undefined ? null : { kind: 'named', name: node.name };
    case 'binary': {
      if (node.op === '*') {
        const repeated = node.left.kind === 'num' ? node.right : node.right.kind === 'num' ? node.left : null;
        return repeated === null ? null : listOf(repeated, pools, where);
      }
      if (node.op !== '+') return null;
      const left = listOf(node.left, pools, where);
      const right = listOf(node.right, pools, where);
      if (left === null || right === null) return null;
      return join(left, right, pools, where);
    }
    case 'slice': {
      const list = listOf(node.object, pools, where);
      if (list === null) return null;
      const bound = (b: PyNode | null, fallback: number) => (b === null ? fallback : integerOf(b, where));
      const expanded = expand(list, pools, where);
      if (expanded.kind === 'words') return { kind: 'words', words: expanded.words.slice(bound(node.start, 0), bound(node.stop, expanded.words.length)) };
      if (expanded.kind === 'pairs') return { kind: 'pairs', pairs: expanded.pairs.slice(bound(node.start, 0), bound(node.stop, expanded.pairs.length)) };
      if (expanded.kind === 'numbers') return { ...expanded, values: expanded.values.slice(bound(node.start, 0), bound(node.stop, expanded.values.length)) };
      throw new Untranslatable('a slice of a range', where);
    }
    case 'call': {
      const callee = calleeName(node.callee);
      if (callee === null) return null;
      if (TRANSPARENT.has(callee)) {
        if (node.args.length !== 1) throw new Untranslatable(`${callee}() with ${node.args.length} arguments`, where);
        return listOf(node.args[0]!, pools, where);
      }
      if (callee === 'range') return rangeList(node.args, where, false);
      if (callee === 'numbers_within') {
        if (node.args.length !== 2) throw new Untranslatable(`numbers_within() with ${node.args.length} arguments`, where);
        const [low, high] = node.args.map((a) => integerOf(a, where)) as [number, number];
        if (low > high) throw new Untranslatable(`the empty numbers_within(${low}, ${high})`, where);
        return { kind: 'int', range: [low, high, 1], words: true };
      }
      if (ARANGE.has(callee)) return decimalRange(node.args, callee, where);
      if (RANDINT.has(callee)) {
        if (node.args.length < 2 || node.args.length > 3) throw new Untranslatable(`${callee}() with ${node.args.length} arguments`, where);
        const [low, high] = node.args.slice(0, 2).map((a) => integerOf(a, where)) as [number, number];
        if (low >= high) throw new Untranslatable(`the empty ${callee}(${low}, ${high})`, where);
        return { kind: 'int', range: [low, high - 1, 1], words: false };
      }
      if (/^(sample_|range_|np\.|numpy\.|random\.|len|str)/.test(callee)) throw new Untranslatable(`${callee}(...)`, where);
      return null;
    }
    default:
      return null;
  }
}

/** A list name the release uses that we have no pool for. */
export function unknownList(name: string, where: string): never {
  throw new Untranslatable(
    `the named list "${name}"`,
    where,
    `the named list "${name}" has no reasonforge equivalent (known: ${Object.keys(GSM_POOLS).join(', ')})`,
  );
}

function integerOf(node: PyNode, where: string): number {
  const text = node.kind === 'num' ? node.text : node.kind === 'unary' && node.op === '-' && node.operand.kind === 'num' ? `-${node.operand.text}` : null;
  if (text === null) throw new Untranslatable('a range that depends on another variable', where);
  if (!/^-?[0-9]+$/.test(text)) throw new Untranslatable(`a non-integer bound (${text})`, where);
  return Number(text);
}

function exactOf(node: PyNode, where: string): Rational {
  const text = node.kind === 'num' ? node.text : node.kind === 'unary' && node.op === '-' && node.operand.kind === 'num' ? `-${node.operand.text}` : null;
  const value = text === null ? null : Rational.parse(text);
  if (value === null) throw new Untranslatable('a range that depends on another variable', where);
  return value;
}

function rangeList(args: readonly PyNode[], where: string, words: boolean): ListValue {
  if (args.length < 1 || args.length > 3) throw new Untranslatable(`range() with ${args.length} arguments`, where);
  const ints = args.map((a) => integerOf(a, where));
  const [start, stop, step] = ints.length === 1 ? [0, ints[0]!, 1] : [ints[0]!, ints[1]!, ints[2] ?? 1];
  if (step === 0) throw new Untranslatable('range() with step 0', where);
  // Python's range stops before `stop`; the last value reached is start + k*step.
  const count = step > 0 ? Math.ceil((stop - start) / step) : Math.ceil((start - stop) / -step);
  if (count <= 0) throw new Untranslatable(`the empty range(${ints.join(', ')})`, where);
  const last = start + (count - 1) * step;
  const [min, max] = step > 0 ? [start, last] : [last, start];
  return { kind: 'int', range: [min, max, Math.abs(step)], words };
}

/** np.arange(start, stop, step) and frange: start, start + step, ... below stop, held exactly. */
function decimalRange(args: readonly PyNode[], callee: string, where: string): ListValue {
  if (args.length !== 3) throw new Untranslatable(`${callee}() with ${args.length} arguments`, where);
  const [start, stop, step] = args.map((a) => exactOf(a, where)) as [Rational, Rational, Rational];
  if (step.sign() <= 0) throw new Untranslatable(`${callee}() with a step that is not positive`, where);
  const span = stop.sub(start).div(step);
  // The count of values below stop: ceil(span), at least one when start < stop.
  let count = Number(span.floor().num);
  if (!span.isInteger()) count += 1;
  if (count <= 0) throw new Untranslatable(`the empty ${callee}(...)`, where);
  const max = start.add(step.mul(Rational.of(count - 1)));
  if (step.isInteger() && start.isInteger()) return { kind: 'int', range: [Number(start.num), Number(max.num), Number(step.num)], words: false };
  return { kind: 'decimal', min: start.toCanonical(), max: max.toCanonical(), step: step.toCanonical(), size: count };
}

function literalList(items: readonly PyNode[], where: string): ListValue {
  if (items.length === 0) throw new Untranslatable('an empty list', where);
  const numberText = (item: PyNode): string | null =>
    item.kind === 'num' ? item.text : item.kind === 'unary' && item.op === '-' && item.operand.kind === 'num' ? `-${item.operand.text}` : null;
  if (items.every((item) => item.kind === 'str')) return { kind: 'words', words: items.map((item) => (item as { value: string }).value) };
  if (items.every((item) => numberText(item) !== null || (item.kind === 'str' && Rational.parse(item.value.trim()) !== null))) {
    const values = items.map((item) => {
      const text = numberText(item) ?? (item as { value: string }).value.trim();
      const exact = Rational.parse(text)!;
      return exact.isFiniteDecimal() && !text.includes('/') ? exact.toCanonical() : exact.toFractionString();
    });
    const fractions = items.every((item) => item.kind === 'str' && item.value.includes('/'));
    return { kind: 'numbers', values: [...new Set(values)], fractions };
  }
  if (items.every((item) => item.kind === 'tuple' && item.items.length === 2)) {
    const pairs = items.map((item) => {
      const [word, value] = (item as { items: readonly PyNode[] }).items as [PyNode, PyNode];
      const number = numberText(value);
      const shown = word.kind === 'str' ? word.value : numberText(word);
      if (shown === null || number === null || Rational.parse(number) === null) throw new Untranslatable('a list of tuples that are not (word, number)', where);
      return [shown, Rational.parse(number)!.toCanonical()] as const;
    });
    const seen = new Map<string, string>();
    for (const [word, value] of pairs) {
      if (seen.has(word) && seen.get(word) !== value) throw new Untranslatable(`a list giving "${word}" two numbers`, where);
      seen.set(word, value);
    }
    return { kind: 'pairs', pairs: [...seen.entries()] };
  }
  throw new Untranslatable('a list of mixed values', where);
}

/** A named list's own words or pairs, for joining and slicing. */
function expand(list: ListValue, pools: ReadonlyMap<string, Pool>, where: string): ListValue {
  if (list.kind !== 'named') return list;
  const source = GSM_POOLS[list.name]!;
  if (source.kind === 'pairs') return { kind: 'pairs', pairs: source.pairs };
  const words = wordsOf(list.name, pools);
  if (words === null) throw new Untranslatable(`the named list "${list.name}"`, where);
  return { kind: 'words', words };
}

/** `a + b`: two lists of one kind, joined (a word in both keeps its first number). */
function join(left: ListValue, right: ListValue, pools: ReadonlyMap<string, Pool>, where: string): ListValue {
  const a = expand(left, pools, where);
  const b = expand(right, pools, where);
  if (a.kind === 'pairs' && b.kind === 'pairs') {
    const seen = new Map<string, string>();
    for (const [word, value] of [...a.pairs, ...b.pairs]) if (!seen.has(word)) seen.set(word, value);
    return { kind: 'pairs', pairs: [...seen.entries()] };
  }
  if (a.kind === 'words' && b.kind === 'words') return { kind: 'words', words: [...new Set([...a.words, ...b.words])] };
  if (a.kind === 'numbers' && b.kind === 'numbers')
    return { kind: 'numbers', values: [...new Set([...a.values, ...b.values])], fractions: a.fractions && b.fractions };
  throw new Untranslatable(`joined lists of different kinds (${a.kind} and ${b.kind})`, where);
}

/** Numbers written as strings ("1/2", "0.25"): exact, shown as fractions when every one is written as one. */
export function numbersOf(texts: readonly string[]): Extract<ListValue, { kind: 'numbers' }> {
  const values = texts.map((text) => {
    const exact = Rational.parse(text.trim())!;
    return exact.isFiniteDecimal() && !text.includes('/') ? exact.toCanonical() : exact.toFractionString();
  });
  return { kind: 'numbers', values: [...new Set(values)], fractions: texts.every((t) => t.includes('/')) };
}
