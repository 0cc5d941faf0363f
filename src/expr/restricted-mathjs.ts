import type { FactoryFunctionMap, MathNode } from 'mathjs/number';
import { create, parseDependencies } from './mathjs-parser.js';

/**
 * The one mathjs instance in reasonforge. It is built from the parser's
 * dependencies only, and everything on it that could reach beyond arithmetic
 * is replaced by a function that throws. Template expressions are never
 * evaluated by mathjs at all: we take its syntax tree and compile it ourselves
 * (compile.ts), accepting only a whitelist of node types and functions.
 */
const instance = create({ parseDependencies: parseDependencies as FactoryFunctionMap }, { number: 'number' });
const parseExpression: (source: string) => MathNode = instance.parse;

/** The functions a template could use to escape arithmetic, were they present. */
export const DISABLED_FUNCTIONS = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'derivative',
  'resolve',
  'reviver',
  'factory',
  'create',
  'typed',
  'chain',
  'config',
] as const;

function disabled(name: string) {
  return () => {
    throw new Error(`mathjs function "${name}" is disabled in reasonforge`);
  };
}

instance.import(Object.fromEntries(DISABLED_FUNCTIONS.map((name) => [name, disabled(name)])), { override: true });

/** For tests that prove the disabled functions cannot be called. */
export const restrictedMath: Readonly<Record<string, unknown>> = instance as unknown as Record<string, unknown>;

/**
 * Parsed trees by source text. A library states the same expression in many
 * places (a reversed problem's steps repeat the base's, extensions repeat
 * derived values), and parsing is most of compiling one. The trees are only
 * read (compile.ts builds its own closures from them), so one tree serves
 * every use. Bounded, so that a long process fed ever new sources stays small.
 */
const parsed = new Map<string, MathNode>();
const MAX_PARSED = 10_000;

/** The syntax tree of `source`; the same object for the same text, so callers must not change it. */
export function parseMath(source: string): MathNode {
  let tree = parsed.get(source);
  if (tree === undefined) {
    tree = parseExpression(source);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(source, tree);
  }
  return tree;
}
