import type { Pool } from '../template/pools.js';
import { parsePython } from './parse.js';
import { emitExpression, type SymbolKind } from './emit.js';
import { Untranslatable } from './errors.js';
import type { InitVariable } from './init.js';
import type { NameMap } from './names.js';
import { escapeText, splitSlots } from './slots.js';
import { Probe } from './probe.js';
import type { VariableSpec } from '../template/spec.js';

/** A condition the translation adds where the release may contradict itself (see TranslationContext.guard). */
export interface ReleaseGuard {
  /** Our condition, as it stands in the template's constraints. */
  readonly expr: string;
  /** What the release says that must agree, in words: "answer_annotated line 3: <<...>> does not compute its result". */
  readonly says: string;
}

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
  /** Conditions that exist because the release's text and its program may disagree, with what each says. */
  readonly guards: ReleaseGuard[] = [];
  readonly notes: string[] = [];
  /** The text field each entity variable shows where the source gives no default (from its first question default). */
  readonly textForm = new Map<string, string>();
  /** #init's computed values, and the values made for `{expr}` slots, by our name. */
  private readonly initDerived = new Map<string, string>();
  private readonly slotValues = new Map<string, string>();
  private probe: Probe | undefined;
  private readonly seedKey: string;

  constructor(names: NameMap, variables: readonly InitVariable[], pools: ReadonlyMap<string, Pool>, seedKey = '') {
    this.names = names;
    this.variables = new Map(variables.map((v) => [v.source, v]));
    this.symbols = new Map(variables.map((v) => [v.source, v.symbol]));
    this.pools = pools;
    this.seedKey = seedKey;
    for (const v of variables) {
      if (v.derived === undefined) continue;
      this.derived.set(v.name, v.derived);
      this.initDerived.set(v.name, v.derived);
    }
  }

  /**
   * Keeps only the draws where two things the release writes agree (an
   * annotation and its result, the #### line and #answer): a condition lint
   * reports as a release defect wherever it fails.
   */
  guard(left: string, right: string, says: string): void {
    if (this.sameValue(left, right)) return;
    const expr = `${left} == ${right}`;
    this.constraints.push(expr);
    this.guards.push({ expr, says });
  }

  /** Our expression for a Python-like source expression. */
  expression(source: string, where: string, want: 'num' | 'bool'): string {
    const { text, type } = emitExpression(parsePython(source, where), this.symbols, where);
    if (type !== want)
      throw new Untranslatable(
        want === 'num' ? `the condition "${source}" where a number was expected` : `the number "${source}" where a condition was expected`,
        where,
      );
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
    this.slotValues.set(name, text);
    this.bySource.set(text, name);
    return name;
  }

  /** True when two of our expressions are the same by their text, a derived name standing for its definition. */
  sameValue(a: string, b: string): boolean {
    const plain = (text: string) => (this.derived.get(text.trim()) ?? text).replace(/\s+/g, '');
    return plain(a) === plain(b);
  }

  /**
   * True when two of our expressions give the same value on draws that meet
   * the release's conditions (Probe): the same text, or the same algebra
   * written differently (`(t - a) - w` and `t - w - a`).
   */
  equivalent(a: string, b: string): boolean {
    if (this.sameValue(a, b)) return true;
    this.probe ??= new Probe(this.drawnSpecs(), this.initDerived, () => this.constraints.map((c) => this.inlineSlots(c)), this.pools, this.seedKey);
    return this.probe.same(this.inlineSlots(a), this.inlineSlots(b));
  }

  /** An expression with the values made for `{expr}` slots (rf_1, ...) written out, so it reads only #init names. */
  inlineSlots(text: string): string {
    let out = text;
    for (let pass = 0; pass < 8 && /\brf_[0-9]+\b/.test(out); pass++) {
      out = out.replace(/\brf_[0-9]+\b/g, (name) => {
        const definition = this.slotValues.get(name);
        return definition === undefined ? name : `(${definition})`;
      });
    }
    return out;
  }

  private drawnSpecs(): Map<string, VariableSpec> {
    const specs = new Map<string, VariableSpec>();
    for (const v of this.variables.values()) if (v.spec !== undefined && v.constantText === undefined) specs.set(v.name, v.spec);
    return specs;
  }

  /**
   * One side of an annotation (or of a calculation in prose) as our
   * expression: each slot becomes the name that shows it (so `{w*r}` displays
   * as its value), a word slot such as a currency sign is skipped like `$`,
   * and the rest is read as arithmetic (`×`, `x` between spaces and `^` as
   * the operators they mean, `1,000` as one thousand).
   */
  annotationSide(text: string, where: string): string {
    const segments = splitSlots(text, where);
    const slotNames = new Map<string, string>();
    let python = '';
    segments.forEach((segment, index) => {
      if (segment.kind === 'text') {
        python += segment.text
          .replace(/(\d),(?=\d{3}\b)/g, '$1')
          .replace(/(^|\s)[xX](?=\s)/g, '$1*')
          .replaceAll('×', '*')
          .replaceAll('÷', '/')
          .replaceAll('^', '**')
          .replaceAll('$', '');
        return;
      }
      const variable = this.variables.get(segment.source.trim());
      if (variable?.symbol.kind === 'text') {
        // A word right before a number is a unit sign ({cur}{price}); anywhere else it cannot be computed with.
        const next = segments[index + 1];
        const beforeNumber = next !== undefined && (next.kind === 'slot' || /^\s*[0-9]/.test(next.text));
        if (!beforeNumber) throw new Untranslatable(`the word variable "${segment.source.trim()}" used in arithmetic`, where);
        return;
      }
      const key = `_rf_slot${index}`;
      slotNames.set(key, variable?.symbol.kind === 'pair' ? `${variable.name}.value` : this.numberName(segment.source, where));
      python += ` ${key} `;
    });
    if (python.trim() === '') throw new Untranslatable('an empty annotation', where);
    return this.withSlots(slotNames, () => this.expression(python, where, 'num'));
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
    if (variable?.constantText !== undefined) return escapeText(variable.constantText);
    if (variable !== undefined && variable.symbol.kind !== 'num') {
      const field = this.fieldFor(variable, defaultText);
      return field === 'name' ? `{${variable.name}}` : `{${variable.name}.${field}}`;
    }
    if (variable?.display !== undefined) return `{${variable.name}|${variable.display}}`;
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
      const isPlural =
        pool.entries.some((e) => e.text['plural']?.toLowerCase() === lower) ||
        (!pool.entries.some((e) => e.name.toLowerCase() === lower) && /s$/i.test(wanted));
      if (isPlural) field = 'plural';
    }
    const sample = pool?.entries[0]?.text[field] ?? '';
    if (/^[A-Z]/.test(wanted) && /^[a-z]/.test(sample)) field = field[0]!.toUpperCase() + field.slice(1);
    if (!this.textForm.has(variable.name)) this.textForm.set(variable.name, field);
    return field;
  }
}
