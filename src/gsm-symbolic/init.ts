import { hashString } from '../engine/hash.js';
import type { Pool } from '../template/pools.js';
import type { VariableSpec } from '../template/spec.js';
import { calleeName, namesIn, type PyNode } from './ast.js';
import { emitExpression, type SymbolKind } from './emit.js';
import { Untranslatable } from './errors.js';
import { listOf, numbersOf, unknownList, type ListValue } from './lists.js';
import type { NameMap } from './names.js';
import { parsePython } from './parse.js';
import { gsmPool, poolOf, runsPool, wordsOf } from './pools.js';
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
  /** For pool entries: the text field shown by default (`symbol` for currency signs, `at2` for a run's second member). */
  readonly field?: string;
  /** How a number is shown: as a fraction ("1/2") or in words ("seven"), as the release writes it. */
  readonly display?: 'frac' | 'words';
  /** A one-word list: the word, shown as written (nothing to draw). */
  readonly constantText?: string;
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
  readonly display?: 'frac' | 'words';
  readonly constantText?: string;
  /** sample_sequential: the fields `at1`, `at2`, ... one per name unpacked. */
  readonly runFields?: boolean;
}

/**
 * Translates the `#init:` lines: `$n = range(5, 21)` (Python's range: 21 is
 * excluded; a step may follow), `item = sample(["pen", "cup"])`, a bare list
 * (`$p = [2, 5]`, drift for sample), `a, b = sample(names, 2)` (distinct
 * draws), named lists and their joins (`sample(multiple_ice + multi_times)`),
 * lists of (word, number) tuples, decimal ranges (`np.arange`, `frange`),
 * `numbers_within(a, b)` (a to b, written in words),
 * `sample_sequential(weekdays, 3)` (three days in a row), a constant, and
 * derived values (`$c = a + b`). `$` marks a number. A name assigned twice
 * takes its last value, as in Python.
 */
export function translateInit(lines: readonly SectionLine[], names: NameMap, pools: ReadonlyMap<string, Pool>): InitTranslation {
  const variables: InitVariable[] = [];
  const constraints: string[] = [];
  const made: Pool[] = [];
  const notes: string[] = [];
  const symbols = new Map<string, SymbolKind>();
  const readSoFar = new Set<string>();
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
    const rhs = parsePython(rhsText, where);
    for (const source of sources) {
      if (!symbols.has(source)) continue;
      // Python keeps the last value; an earlier one nothing has read yet is simply replaced.
      if (readSoFar.has(source)) throw new Untranslatable('a variable assigned twice, read in between', where);
      const at = variables.findIndex((v) => v.source === source);
      variables.splice(at, 1);
      symbols.delete(source);
      notes.push(`${where}: ${source} is assigned twice; the second assignment wins, as in Python`);
    }
    for (const read of namesIn(rhs)) readSoFar.add(read);

    const draw = drawOf(rhsText, rhs, numeric.some(Boolean), sources.length, pools, where, notes);
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
    if (draw.pool !== undefined && !made.some((p) => p.id === draw.pool!.id) && pools.get(draw.pool.id) !== draw.pool) made.push(draw.pool);
    if (draw.runFields === true) {
      // One draw of a run; each name shows one member of it.
      const name = names.add(sources.join('_'));
      sources.forEach((source, i) => {
        const symbol: SymbolKind = { kind: 'text', name };
        variables.push({ source, name, symbol, spec: draw.spec, field: `at${i + 1}` });
        symbols.set(source, symbol);
      });
      continue;
    }
    if (draw.constantText !== undefined) {
      // A list of one word: nothing to draw; the text shows the word.
      if (sources.length !== 1) throw new Untranslatable(`a list of one word unpacked into ${sources.length} names`, where);
      const name = names.add(sources[0]!);
      variables.push({ source: sources[0]!, name, symbol: { kind: 'text', name }, constantText: draw.constantText });
      symbols.set(sources[0]!, { kind: 'text', name });
      notes.push(`${where}: a list of one word; the text shows "${draw.constantText}"`);
      continue;
    }
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
      } else
        symbol =
          draw.symbol === 'text' && draw.spec !== undefined && 'words' in draw.spec
            ? { kind: 'text', name, words: draw.spec.words }
            : { kind: draw.symbol, name };
      variables.push({
        source,
        name,
        symbol,
        spec: draw.spec,
        ...(draw.field !== undefined && { field: draw.field }),
        ...(draw.display !== undefined && { display: draw.display }),
      });
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

function drawOf(
  text: string,
  rhs: PyNode,
  numericTarget: boolean,
  count: number,
  pools: ReadonlyMap<string, Pool>,
  where: string,
  notes: string[],
): Draw | null {
  if (rhs.kind === 'call' && calleeName(rhs.callee) === 'sample_sequential') return runDraw(rhs.args, count, pools, where);
  if (rhs.kind === 'call' && calleeName(rhs.callee) === 'sample') {
    const [from, n] = rhs.args;
    if (from === undefined || rhs.args.length > 2) throw new Untranslatable(`sample() with ${rhs.args.length} arguments`, where);
    if (n !== undefined) {
      if (n.kind !== 'num' || Number(n.text) !== count)
        throw new Untranslatable(`sample(..., ${n.kind === 'num' ? n.text : 'n'}) assigned to ${count} name(s)`, where);
    } else if (count !== 1) throw new Untranslatable(`sample(...) of one value assigned to ${count} names`, where);
    const list = listOf(from, pools, where);
    if (list === null && from.kind === 'name') unknownList(from.name, where);
    if (list === null) throw new Untranslatable('sample() of something other than a list, a range or a named list', where);
    return listDraw(list, numericTarget, pools, where);
  }
  if (rhs.kind === 'num' || (rhs.kind === 'unary' && rhs.op === '-' && rhs.operand.kind === 'num')) {
    const list = listOf({ kind: 'list', items: [rhs] }, pools, where)!;
    return listDraw(list, numericTarget, pools, where);
  }
  // A list, a range or a named list assigned as it is: the release's generator samples it (drift for sample()).
  const list = listOf(rhs, pools, where);
  if (list === null) return null;
  if (rhs.kind === 'name') notes.push(`${where}: a whole named list assigned without sample() is read as sample(${rhs.name})`);
  else if (rhs.kind !== 'list' && !(rhs.kind === 'call' && ['range', 'numbers_within'].includes(calleeName(rhs.callee) ?? '')))
    notes.push(`${where}: "${text}" is read as one value drawn from it`);
  return listDraw(list, numericTarget, pools, where);
}

/** A drawn variable for a list of values. */
function listDraw(list: ListValue, numericTarget: boolean, pools: ReadonlyMap<string, Pool>, where: string): Draw {
  switch (list.kind) {
    case 'int': {
      const [min, max, step] = list.range;
      const spec: VariableSpec = step === 1 ? { int: [min, max] } : { int: [min, max], step };
      return { spec, symbol: 'num', size: Math.floor((max - min) / step) + 1, ...(list.words && { display: 'words' }) };
    }
    case 'decimal':
      return { spec: { decimal: [list.min, list.max], step: list.step }, symbol: 'num', size: list.size };
    case 'numbers':
      return { spec: { values: list.values }, symbol: 'num', size: list.values.length, ...(list.fractions && { display: 'frac' }) };
    case 'words': {
      const words = [...new Set(list.words)];
      // `$frac = sample(["1/2", "1/4"])`: numbers written as strings, shown as written.
      if (numericTarget && words.every((w) => /^-?[0-9]+(\.[0-9]+)?(\/[0-9]+)?$/.test(w.trim())))
        return listDraw(numbersOf(words), numericTarget, pools, where);
      if (words.length === 1) return { spec: { words }, symbol: 'text', size: 1, constantText: words[0]! };
      return { spec: { words }, symbol: 'text', size: words.length };
    }
    case 'pairs': {
      const id = `gsm-symbolic/list-${hashString(JSON.stringify(list.pairs)).toString(16)}`;
      const made = poolOf(id, { kind: 'pairs', pairs: list.pairs }, pools)!;
      return { spec: { pool: id }, symbol: 'pair', pool: made.pool, size: made.pool.entries.length };
    }
    case 'named': {
      const found = gsmPool(list.name, pools);
      if (found === null) throw new Untranslatable(`the named list "${list.name}"`, where, `the named list "${list.name}" has no reasonforge equivalent`);
      return {
        spec: { pool: found.pool.id },
        symbol: found.numeric ? 'pair' : 'text',
        pool: found.pool,
        size: found.pool.entries.length,
        ...(found.field !== undefined && { field: found.field }),
      };
    }
  }
}

/** sample_sequential(list, n): n neighbours of a cyclic list, from a random start (weekdays in a row). */
function runDraw(args: readonly PyNode[], count: number, pools: ReadonlyMap<string, Pool>, where: string): Draw {
  const [from, n] = args;
  if (from === undefined || n === undefined || n.kind !== 'num' || Number(n.text) !== count || args.length !== 2) {
    throw new Untranslatable(`sample_sequential(...) that does not give ${count} values`, where);
  }
  const list = listOf(from, pools, where);
  const words = list?.kind === 'named' ? wordsOf(list.name, pools) : list?.kind === 'words' ? list.words : null;
  if (words === null || words === undefined) throw new Untranslatable('sample_sequential() of something other than a list of words', where);
  if (words.length < count) throw new Untranslatable(`sample_sequential(..., ${count}) of ${words.length} words`, where);
  const id = `gsm-symbolic/runs-${count}-${hashString(JSON.stringify(words)).toString(16)}`;
  const pool = runsPool(id, words, count);
  return { spec: { pool: id }, symbol: 'text', pool, size: pool.entries.length, runFields: true };
}
