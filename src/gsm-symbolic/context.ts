import type { Pool } from '../template/pools.js';
import { parsePython } from './parse.js';
import { emitExpression, type SymbolKind } from './emit.js';
import { Untranslatable } from './errors.js';
import type { InitVariable } from './init.js';
import type { NameMap } from './names.js';

/**
 * What the question and solution translators share: the variables, the
 * symbol table for expressions, and the derived values made for `{expr}`
 * slots (one per distinct expression, named rf_1, rf_2, ...).
 */
export class TranslationContext {
  readonly names: NameMap;
  readonly variables: ReadonlyMap<string, InitVariable>;
  readonly symbols: Map<string, SymbolKind>;
  readonly pools: ReadonlyMap<string, Pool>;
  /** Derived values in order: ours first (from #init), then the slots'. */
  readonly derived = new Map<string, string>();
  private readonly bySource = new Map<string, string>();
  readonly constraints: string[] = [];
  readonly notes: string[] = [];
  /** The text field each entity variable shows where the source gives no default (from its first question default). */
  readonly textForm = new Map<string, string>();

  constructor(names: NameMap, variables: readonly InitVariable[], pools: ReadonlyMap<string, Pool>) {
    this.names = names;
    this.variables = new Map(variables.map((v) => [v.source, v]));
    this.symbols = new Map(variables.map((v) => [v.source, v.symbol]));
    this.pools = pools;
    for (const v of variables) if (v.derived !== undefined) this.derived.set(v.name, v.derived);
  }

  /** Our expression for a Python-like source expression. */
  expression(source: string, where: string, want: 'num' | 'bool'): string {
    const { text, type } = emitExpression(parsePython(source, where), this.symbols, where);
    if (type !== want) throw new Untranslatable(want === 'num' ? `the condition "${source}" where a number was expected` : `the number "${source}" where a condition was expected`, where);
    return text;
  }

  /**
   * The name that shows a numeric slot: the variable itself for `{x}`, else a
   * derived value computing the expression, shared by equal expressions.
   */
  numberName(source: string, where: string): string {
    const variable = this.variables.get(source.trim());
    if (variable !== undefined && variable.symbol.kind === 'num') return variable.name;
    const text = this.expression(source, where, 'num');
    const known = this.bySource.get(text);
    if (known !== undefined) return known;
    const direct = [...this.variables.values()].find((v) => v.symbol.kind === 'num' && v.name === text);
    if (direct !== undefined) return direct.name;
    const name = this.names.fresh('rf');
    this.derived.set(name, text);
    this.bySource.set(text, name);
    return name;
  }

  /** True when two of our expressions are the same by their text, a derived name standing for its definition. */
  sameValue(a: string, b: string): boolean {
    const plain = (text: string) => (this.derived.get(text.trim()) ?? text).replace(/\s+/g, '');
    return plain(a) === plain(b);
  }

  /** Runs `body` with extra names standing for annotation slots. */
  withSlots<T>(slots: ReadonlyMap<string, string>, body: () => T): T {
    for (const [key, name] of slots) this.symbols.set(key, { kind: 'num', name });
    try {
      return body();
    } finally {
      for (const key of slots.keys()) this.symbols.delete(key);
    }
  }

  /** The placeholder a `{...}` slot becomes in our text. */
  placeholder(source: string, where: string, defaultText?: string): string {
    const variable = this.variables.get(source.trim());
    if (variable !== undefined && variable.symbol.kind !== 'num') {
      const field = this.fieldFor(variable, defaultText);
      return field === 'name' ? `{${variable.name}}` : `{${variable.name}.${field}}`;
    }
    if (variable?.showAsFraction === true) return `{${variable.name}|frac}`;
    return `{${this.numberName(source, where)}}`;
  }

  /**
   * Which text field shows an entry: the source's default tells plural from
   * singular (`{fruit,apples}`) and capitalised from not (`{fruit,Apples}`).
   */
  private fieldFor(variable: InitVariable, defaultText: string | undefined): string {
    if (variable.field !== undefined) return variable.field;
    if (defaultText === undefined) return this.textForm.get(variable.name) ?? 'name';
    const spec = variable.spec;
    const pool = spec !== undefined && 'pool' in spec ? this.pools.get(spec.pool) : undefined;
    const wanted = defaultText.trim();
    let field = 'name';
    if (pool?.textFields.includes('plural')) {
      const lower = wanted.toLowerCase();
      const isPlural = pool.entries.some((e) => e.text['plural']?.toLowerCase() === lower) || (!pool.entries.some((e) => e.name.toLowerCase() === lower) && /s$/i.test(wanted));
      if (isPlural) field = 'plural';
    }
    const sample = pool?.entries[0]?.text[field] ?? '';
    if (/^[A-Z]/.test(wanted) && /^[a-z]/.test(sample)) field = field[0]!.toUpperCase() + field.slice(1);
    if (!this.textForm.has(variable.name)) this.textForm.set(variable.name, field);
    return field;
  }
}
