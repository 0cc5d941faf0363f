import { ReasonforgeError } from '../errors.js';
import * as N from '../exact/num.js';
import { compileExpression } from '../expr/compile.js';
import type { CompiledExpr, SymbolInfo } from '../expr/types.js';
import type { Declared } from './classify.js';
import type { CheckedExpr, CompiledAnswer, DerivedValue, SolutionLine } from './compiled.js';
import { PLAIN } from './format.js';
import type { Pool } from './pools.js';
import type { AnswerSpec, SolutionLineSpec, VariableSpec } from './spec.js';
import { compileText, type CompiledText, type TextSymbol } from './text.js';
import { domainOf, type Domain } from './variables.js';

const DEFAULT_RANGE: readonly [number, number] = [1, 100_000];

/** The name a reversed problem's texts and expressions use for the base answer. */
export const ANSWER_NAME = 'answer';

export type Fail = (pointer: string, message: string) => never;

/**
 * What compiling one template file shares across its parts: the declared
 * names and their slots, and compilers for expressions, texts and solution
 * lines that resolve names within a given scope and report problems with the
 * JSON pointer of the part to fix.
 */
export class CompileContext {
  readonly file: string;
  readonly declared = new Map<string, Declared>();
  /** Every expression compiled, for the check that each name is used. */
  readonly allExprs: CompiledExpr[] = [];
  /** Set once every name is declared: the env slot of the base answer. */
  answerSlot = -1;
  private readonly pools: ReadonlyMap<string, Pool>;

  constructor(file: string, pools: ReadonlyMap<string, Pool>) {
    this.file = file;
    this.pools = pools;
  }

  readonly fail: Fail = (pointer, message) => {
    throw new ReasonforgeError('template-invalid', message, { file: this.file, pointer });
  };

  declare(name: string, pointer: string, varSpec?: VariableSpec, clause?: string): Declared {
    if (name === ANSWER_NAME) this.fail(pointer, `"${ANSWER_NAME}" is reserved: a reversed problem's texts use it for the base answer`);
    const existing = this.declared.get(name);
    if (existing !== undefined) this.fail(pointer, `"${name}" is already declared at ${existing.pointer}`);
    let domain: Domain | undefined;
    if (varSpec !== undefined) {
      try {
        domain = domainOf(varSpec, this.pools, this.file, name);
      } catch (error) {
        this.fail(pointer, error instanceof Error ? error.message : String(error));
      }
    }
    const entry: Declared = {
      name,
      pointer,
      slot: this.declared.size,
      ...(varSpec && { spec: varSpec }),
      ...(domain && { domain }),
      ...(clause && { clause }),
    };
    this.declared.set(name, entry);
    return entry;
  }

  private symbolInfo(name: string, scope: ReadonlySet<string>): SymbolInfo | undefined {
    if (!scope.has(name)) return undefined;
    if (name === ANSWER_NAME) return { slot: this.answerSlot, kind: 'num' };
    const d = this.declared.get(name);
    if (d === undefined) return undefined;
    if (d.domain?.kind === 'entity') return { slot: d.slot, kind: 'entity', numericFields: d.domain.pool?.numericFields ?? [] };
    return { slot: d.slot, kind: 'num' };
  }

  private textSymbol(name: string, scope: ReadonlySet<string>): TextSymbol | undefined {
    if (!scope.has(name)) return undefined;
    if (name === ANSWER_NAME) return { kind: 'num', slot: this.answerSlot, format: PLAIN };
    const d = this.declared.get(name);
    if (d === undefined) return undefined;
    if (d.domain?.kind === 'entity') return { kind: 'entity', slot: d.slot, fields: d.domain.pool?.textFields ?? ['name'] };
    return { kind: 'num', slot: d.slot, format: d.domain?.format ?? PLAIN };
  }

  expr(source: string, pointer: string, scope: ReadonlySet<string>, type: 'num' | 'bool'): CheckedExpr {
    let compiled: CompiledExpr | undefined;
    try {
      compiled = compileExpression(source, (name) => this.symbolInfo(name, scope));
    } catch (error) {
      this.fail(pointer, `${error instanceof Error ? error.message : String(error)} (in "${source}"; visible here: ${[...scope].join(', ')})`);
    }
    if (compiled!.type !== type) this.fail(pointer, `"${source}" must be ${type === 'num' ? 'a number' : 'a true/false condition'}`);
    this.allExprs.push(compiled!);
    return { expr: compiled!, pointer };
  }

  text(source: string, pointer: string, scope: ReadonlySet<string>, calc: 0 | 1): CompiledText {
    let compiled: CompiledText | undefined;
    try {
      compiled = compileText(source, (name) => this.textSymbol(name, scope));
    } catch (error) {
      this.fail(pointer, error instanceof Error ? error.message : String(error));
    }
    if (compiled!.calcCount !== calc) {
      this.fail(pointer, calc === 1 ? 'a solution line needs exactly one {=} where its calculation goes' : '{=} belongs in solution lines only');
    }
    return compiled!;
  }

  /** Compiles derived values in order, each visible to the ones after it (the scope grows). */
  derivedValues(source: Readonly<Record<string, string>> | undefined, base: string, scope: Set<string>): DerivedValue[] {
    return Object.entries(source ?? {}).map(([name, exprSource]) => {
      const checked = this.expr(exprSource, `${base}/${name}`, scope, 'num');
      scope.add(name);
      return { ...checked, name, slot: this.declared.get(name)!.slot };
    });
  }

  answerOf(answer: AnswerSpec, pointer: string, scope: ReadonlySet<string>): CompiledAnswer {
    const [low, high] = answer.range ?? DEFAULT_RANGE;
    const min = N.numFrom(low);
    const max = N.numFrom(high);
    if (N.compare(min, max) > 0) this.fail(`${pointer}/range`, `the answer range [${low}, ${high}] is empty`);
    return { ...this.expr(answer.expr, `${pointer}/expr`, scope, 'num'), type: answer.type, places: answer.places ?? 2, min, max };
  }

  /** `computed`: the derived values that are always worked out on a draw before these lines run. */
  solutionOf(lines: readonly SolutionLineSpec[], pointer: string, scope: ReadonlySet<string>, computed: readonly DerivedValue[]): SolutionLine[] {
    return lines.map((line, i) => {
      const checked = this.expr(line.expr, `${pointer}/${i}/expr`, scope, 'num');
      if (checked.expr.operations === 0) this.fail(`${pointer}/${i}/expr`, `"${line.expr}" computes nothing; a solution line shows one calculation`);
      if (!checked.expr.plainArithmetic) {
        this.fail(
          `${pointer}/${i}/expr`,
          `"${line.expr}" must use only + - * / ^ and parentheses, so its <<...>> annotation can be checked; move functions into a derived value`,
        );
      }
      const same = computed.find((d) => d.expr.source === line.expr);
      return { ...checked, text: this.text(line.text, `${pointer}/${i}/text`, scope, 1), ...(same !== undefined && { valueSlot: same.slot }) };
    });
  }
}
