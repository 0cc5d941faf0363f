import type { CosmeticVar, DomainVar, SlotOrigin } from './compiled.js';
import type { Pool } from './pools.js';
import type { VariableSpec } from './spec.js';
import type { CompiledText } from './text.js';
import type { Domain } from './variables.js';

/** A name declared by a template: a variable (with its domain) or a derived value. */
export interface Declared {
  readonly name: string;
  readonly pointer: string;
  /** Undefined for derived values. */
  readonly spec?: VariableSpec;
  readonly domain?: Domain;
  readonly clause?: string;
  readonly slot: number;
}

/** Where each name appears: what decides how it is sampled. */
export interface Usage {
  readonly usedInExpr: ReadonlySet<string>;
  readonly baseTextUses: ReadonlySet<string>;
  readonly clauseTexts: ReadonlyMap<string, readonly CompiledText[]>;
  readonly anyTextUses: ReadonlySet<string>;
}

type Fail = (pointer: string, message: string) => never;

/**
 * Decides how every declared name is sampled (see SlotOrigin) and insists
 * that each is stated where it belongs: a number the base problem draws in
 * its premises or question, a clause's number in that clause, and nothing
 * declared without being used.
 *
 * `relaxed` (templates translated from another project, docs/templates.md)
 * lets two of these library rules pass, each recorded in `relaxations`: a
 * sampled number the text never states (it is still drawn with the others,
 * so set j stays a pure function of the seed) and a derived value nothing
 * uses. They keep our own library clean; a template correct as released
 * should not be refused for them.
 */
export function classifyVariables(
  declared: ReadonlyMap<string, Declared>,
  usage: Usage,
  fail: Fail,
  relaxed?: { readonly relaxations: string[] },
): Map<string, SlotOrigin> {
  const origins = new Map<string, SlotOrigin>();
  for (const d of declared.values()) {
    if (d.domain === undefined) {
      if (!usage.usedInExpr.has(d.name) && !usage.anyTextUses.has(d.name)) {
        if (relaxed === undefined) fail(d.pointer, `the derived value "${d.name}" is never used`);
        relaxed.relaxations.push(`the derived value "${d.name}" is never used`);
      }
      origins.set(d.name, 'derived');
      continue;
    }
    const isEntity = d.domain.kind === 'entity';
    if (d.clause === undefined) {
      if (isEntity && !usage.usedInExpr.has(d.name)) {
        if (!usage.anyTextUses.has(d.name)) fail(d.pointer, `the variable "${d.name}" is never used`);
        origins.set(d.name, 'cosmetic');
        continue;
      }
      if (!usage.baseTextUses.has(d.name)) {
        const inClause = [...usage.clauseTexts.entries()].find(([, texts]) => texts.some((t) => t.uses.includes(d.name)));
        if (relaxed !== undefined && inClause === undefined && usage.usedInExpr.has(d.name)) {
          relaxed.relaxations.push(`"${d.name}" is sampled but the premises and question never state it`);
          origins.set(d.name, 'domain');
          continue;
        }
        fail(
          d.pointer,
          inClause !== undefined
            ? `"${d.name}" is only stated in the clause "${inClause[0]}"; declare it in that clause's variables`
            : usage.usedInExpr.has(d.name)
              ? `"${d.name}" is sampled but the premises and question never state it; every sampled value must appear in the problem`
              : `the variable "${d.name}" is never used`,
        );
      }
      origins.set(d.name, 'domain');
      continue;
    }
    const ownTexts = usage.clauseTexts.get(d.clause) ?? [];
    if (!ownTexts.some((t) => t.uses.includes(d.name))) fail(d.pointer, `"${d.name}" is never stated in the text of its clause "${d.clause}"`);
    if (isEntity && usage.usedInExpr.has(d.name)) fail(d.pointer, `"${d.name}" is a clause's name or word; clause arithmetic may only read numbers`);
    origins.set(d.name, isEntity ? 'cosmetic' : 'clause');
  }
  return origins;
}

/**
 * Names drawn from one pool are distinct within an item, and the names variant
 * replaces every cosmetic draw with one not used by the base item; the pool
 * must be big enough for both.
 */
export function checkPoolCapacity(domain: readonly DomainVar[], cosmetic: readonly CosmeticVar[], declared: ReadonlyMap<string, Declared>, fail: Fail): void {
  const demand = new Map<Pool, { structural: number; cosmetic: number; pointer: string }>();
  const entry = (pool: Pool, pointer: string) => {
    let found = demand.get(pool);
    if (found === undefined) demand.set(pool, (found = { structural: 0, cosmetic: 0, pointer }));
    return found;
  };
  const pointerOf = (slot: number) => [...declared.values()].find((d) => d.slot === slot)!.pointer;
  for (const v of domain) if (v.domain.pool !== undefined) entry(v.domain.pool, pointerOf(v.slot)).structural++;
  for (const c of cosmetic) entry(c.pool, pointerOf(c.slot)).cosmetic++;
  for (const [pool, need] of demand) {
    if (need.structural > 0 && need.cosmetic > 0) {
      // The numbers variant keeps the base's names but redraws what the arithmetic reads; sharing a pool could make them collide.
      fail(need.pointer, `the pool "${pool.id}" serves both a variable the arithmetic reads and a name-only variable; use separate pools or word lists`);
    }
    const required = need.structural + 2 * need.cosmetic;
    if (pool.entries.length < required) {
      fail(
        need.pointer,
        `the pool "${pool.id}" has ${pool.entries.length} entries; this template needs at least ${required} (distinct draws, and fresh ones for the names variant)`,
      );
    }
  }
}
