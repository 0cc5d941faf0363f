import { canonicalAnswer, findFinalAnswer } from '../import/final-answer.js';
import { hashString } from '../engine/hash.js';
import { makeEntity, type Pool } from '../template/pools.js';
import type { AnswerSpec, TemplateSpec, Topic } from '../template/spec.js';
import { TranslationContext, type ReleaseGuard } from './context.js';
import { Untranslatable } from './errors.js';
import { solveEqualities } from './equalities.js';
import { translateInit, type InitVariable } from './init.js';
import { NameMap } from './names.js';
import { parsePython } from './parse.js';
import { translateQuestion } from './question.js';
import { translateSolution } from './solution.js';
import type { AnnotatedSource } from './source.js';

export interface Translation {
  readonly spec: TemplateSpec;
  /** Pools the template draws from that the library does not have (filtered names, built-in lists). */
  readonly pools: readonly Pool[];
  readonly variables: readonly InitVariable[];
  /** `{name,default}` values of the question, by source variable name. */
  readonly defaults: ReadonlyMap<string, string>;
  /** What the translation changed or assumed, for lint to print. */
  readonly notes: readonly string[];
  /** Conditions that keep only the draws where the release's text and program agree (lint reports where they fail). */
  readonly guards: readonly ReleaseGuard[];
  /** Library rules the template breaks as released and that the import rules let through (the compiler adds its own). */
  readonly relaxations: readonly string[];
}

/** Imported answers may be anything the source computes; only our engine's own limits apply. */
const ANSWER_RANGE: readonly [number, number] = [-1e12, 1e12];

/**
 * A release template in our model: variables from #init, constraints from
 * #conditions (plus those the translation needs), the question as premises,
 * the solution as steps, and the #answer expression. No distractors or
 * extensions: imported templates make the base, names and numbers variants.
 */
export function translateTemplate(source: AnnotatedSource, id: string, pools: ReadonlyMap<string, Pool>): Translation {
  const names = new NameMap();
  const init = translateInit(source.init, names, pools);
  const allPools = new Map(pools);
  for (const pool of init.pools) if (!allPools.has(pool.id)) allPools.set(pool.id, pool);
  const solved = solveEqualities(init.variables, source.conditions);
  const context = new TranslationContext(names, solved.variables, allPools, id);
  context.constraints.push(...init.constraints, ...solved.constraints);
  context.notes.push(...solved.notes);

  for (const line of solved.conditions) {
    const where = `#conditions line ${line.line} ("${line.text}")`;
    if (line.text === 'True') continue;
    if (distinctEntities(line.text, init.variables, where)) {
      context.notes.push(`${where}: dropped; draws from one list are always distinct`);
      continue;
    }
    context.constraints.push(context.expression(line.text, where, 'bool'));
  }
  const answerWhere = `#answer line ${source.answer.line} ("${source.answer.text}")`;
  const answerExpr = context.expression(source.answer.text, answerWhere, 'num');
  const question = translateQuestion(source.question, context);
  const solution = translateSolution(source.solution, context);
  const lastStep = solution.steps[solution.steps.length - 1]!;
  // The #### line states the answer; only draws where it and #answer agree are kept.
  if (solution.final !== null) context.guard(answerExpr, solution.final, `${answerWhere} and the #### line of answer_annotated disagree`);
  // As in GSM8K, the answer may be computed in prose after the last annotation (the import rules allow it).
  const relaxations = context.equivalent(lastStep, answerExpr)
    ? []
    : ['the answer is not the last annotated step (the solution states it after that step, as some GSM8K solutions do)'];

  // A value made for a slot whose text was absorbed into a step (`{a*b}` after `<<a*b=...>>`) is left out.
  const readers = [...context.constraints, answerExpr, ...solution.steps, ...question.premises, question.question, ...solution.lines.map((l) => l.text)];
  const derived = usedDerived(context.derived, readers);
  // A variable nothing reads is left out (our templates refuse unused variables); the release has a few.
  const used = [...derived.values(), ...readers].join('\n');
  const variables: Record<string, NonNullable<InitVariable['spec']>> = {};
  const madePools = [...init.pools];
  for (const v of solved.variables) {
    if (v.spec === undefined) continue;
    if (!new RegExp(`(^|[^A-Za-z0-9_.])${v.name}($|[^A-Za-z0-9_])`).test(used)) {
      context.notes.push(`${v.source} is drawn but never used; left out`);
      continue;
    }
    if ('words' in v.spec && new RegExp(`(^|[^A-Za-z0-9_.])${v.name}\\.index\\b`).test(used)) {
      // Compared with a word (`unit == "feet"`): the words become a pool whose entries know their position.
      const pool = indexedWords(v.spec.words);
      if (!madePools.some((p) => p.id === pool.id)) madePools.push(pool);
      variables[v.name] = { pool: pool.id };
      continue;
    }
    variables[v.name] = v.spec;
  }
  const spec: TemplateSpec = {
    id,
    version: 1,
    topic: guessTopic(source.question),
    tags: ['gsm-symbolic'],
    variables,
    ...(derived.size > 0 && { derived: Object.fromEntries(derived) }),
    ...(context.constraints.length > 0 && { constraints: [...new Set(context.constraints)] }),
    premises: question.premises,
    question: question.question,
    answer: answerSpec(answerExpr, source.originalAnswer),
    solution: solution.lines,
    distractors: [],
    extensions: [],
  };
  const notes = [
    ...source.drift.map((d) => `format drift: ${d}`),
    ...names.renamed.map((r) => `renamed ${r}`),
    ...init.notes,
    ...context.notes,
    ...solution.notes,
  ];
  return { spec, pools: madePools, variables: solved.variables, defaults: question.defaults, notes, guards: context.guards, relaxations };
}

/** A list of words as a pool whose entries carry their position (`index`), for comparisons with one of the words. */
function indexedWords(words: readonly string[]): Pool {
  const id = `gsm-symbolic/words-${hashString(JSON.stringify(words)).toString(16)}`;
  return { id, file: '(built in)', entries: words.map((w, i) => makeEntity(w, { index: i })), textFields: ['name', 'Name'], numericFields: ['index'] };
}

/** The derived values the texts and expressions read, directly or through other derived values, in their order. */
function usedDerived(derived: ReadonlyMap<string, string>, readers: readonly string[]): Map<string, string> {
  const reads = (text: string, name: string) => new RegExp(`(^|[^A-Za-z0-9_.])${name}($|[^A-Za-z0-9_])`).test(text);
  const needed = new Set<string>();
  let frontier = readers;
  while (frontier.length > 0) {
    const found = [...derived.keys()].filter((name) => !needed.has(name) && frontier.some((text) => reads(text, name)));
    found.forEach((name) => needed.add(name));
    frontier = found.map((name) => derived.get(name)!);
  }
  return new Map([...derived].filter(([name]) => needed.has(name)));
}

/** The answer's type from the original problem's answer (`#### 12.5` is a decimal), integer when there is none. */
function answerSpec(expr: string, originalAnswer: string | null): AnswerSpec {
  const final = originalAnswer === null ? null : findFinalAnswer(originalAnswer);
  const parsed = final === null ? null : canonicalAnswer(final.text);
  if (parsed?.type === 'decimal') {
    const places = parsed.canonical.split('.')[1]!.length;
    return { expr, type: 'decimal', places: Math.min(6, Math.max(2, places)), range: ANSWER_RANGE };
  }
  if (parsed?.type === 'fraction') return { expr, type: 'fraction', range: ANSWER_RANGE };
  return { expr, type: 'integer', range: ANSWER_RANGE };
}

/** `a != b` between two words drawn from one list: always true in our engine, which draws them distinct. */
function distinctEntities(text: string, variables: readonly InitVariable[], where: string): boolean {
  const tree = parsePython(text, where);
  if (tree.kind !== 'compare' || tree.ops.length !== 1 || tree.ops[0] !== '!=') return false;
  const [a, b] = tree.operands.map((o) => (o.kind === 'name' ? variables.find((v) => v.source === o.name) : undefined));
  // Two words of a pairs list can differ and still mean one number ("double", "twice"): those compare by value.
  if (a === undefined || b === undefined || a.symbol.kind !== 'text' || b.symbol.kind !== 'text') return false;
  const poolOf = (v: InitVariable) =>
    v.spec !== undefined && 'pool' in v.spec ? v.spec.pool : v.spec !== undefined && 'words' in v.spec ? JSON.stringify(v.spec.words) : null;
  if (poolOf(a) === null || poolOf(a) !== poolOf(b)) throw new Untranslatable(`"${text}" comparing words from different lists`, where);
  return true;
}

const TOPIC_WORDS: readonly (readonly [Topic, RegExp])[] = [
  ['ages', /\byears? old\b|\bage\b/i],
  ['speed-distance', /\b(mph|km\/h|miles? per|speed|kilomet(er|re)s? per)\b/i],
  ['percentages-discounts', /%|\bpercent|\bdiscount/i],
  ['time-schedules', /\b(hours?|minutes?)\b/i],
  ['shopping-money', /\$|\bdollars?\b|\bcosts?\b|\bprice\b/i],
  ['fractions-ratios', /\b(half|third|quarter|ratio)\b/i],
];

/** The template model requires a topic; a release template has none, so it is guessed from words of the question. */
function guessTopic(question: string): Topic {
  return TOPIC_WORDS.find(([, pattern]) => pattern.test(question))?.[0] ?? 'containers-inventory';
}
