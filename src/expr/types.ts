import type { Num } from '../exact/num.js';

/** An entry drawn from a pool or a word list: a display name plus named fields. */
export interface Entity {
  readonly name: string;
  readonly text: Readonly<Record<string, string>>;
  readonly numbers: Readonly<Record<string, Num>>;
}

export function isEntity(value: Value): value is Entity {
  return typeof value === 'object' && 'text' in value;
}

/** What a variable slot holds once an item's bindings are drawn. */
export type Value = Num | Entity;

/** An item's bindings, one slot per variable, in the compiled template's slot order. */
export type Env = Value[];

export type ExprType = 'num' | 'bool';

export interface SymbolInfo {
  readonly slot: number;
  readonly kind: 'num' | 'entity';
  /** For entities: the numeric fields every entry of the pool has. */
  readonly numericFields?: readonly string[];
}

export type SymbolResolver = (name: string) => SymbolInfo | undefined;

export interface CompiledExpr {
  readonly source: string;
  readonly type: ExprType;
  /** Variables read, directly or through a field. */
  readonly symbols: ReadonlySet<string>;
  /** Arithmetic operators and function calls: the difficulty count. */
  readonly operations: number;
  /** True when only + - * / ^ and parentheses are used: a GSM8K annotation can show it. */
  readonly plainArithmetic: boolean;
  evaluate(env: Env): Num | boolean;
  /** The expression with values in place of variables: `12 * 3` (spaced) or `12*3` (compact). */
  display(env: Env, spaced: boolean): string;
}

export class ExprError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExprError';
  }
}
