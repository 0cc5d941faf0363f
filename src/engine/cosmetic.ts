import type { Entity, Env } from '../expr/types.js';
import type { CompiledTemplate } from '../template/compiled.js';

/**
 * Fills the name-only slots of an item: without replacement within a pool, and
 * for the names variant avoiding every entry the base item used, so that each
 * redrawn name really changes.
 */
export function drawCosmetic(template: CompiledTemplate, env: Env, random: () => number, avoid?: Env): void {
  const taken = new Map<unknown, Set<Entity>>();
  const takenIn = (pool: unknown) => {
    let set = taken.get(pool);
    if (set === undefined) taken.set(pool, (set = new Set()));
    return set;
  };
  if (avoid !== undefined) {
    for (const c of template.cosmetic) takenIn(c.pool).add(avoid[c.slot] as Entity);
  }
  for (const c of template.cosmetic) {
    const entries = c.pool.entries;
    const used = takenIn(c.pool);
    let pick = entries[Math.floor(random() * entries.length)]!;
    // Rejection first (fast when the pool is big); a scan from a random start guarantees an answer.
    for (let tries = 0; used.has(pick) && tries < 16; tries++) pick = entries[Math.floor(random() * entries.length)]!;
    if (used.has(pick)) {
      const start = Math.floor(random() * entries.length);
      for (let k = 0; k < entries.length; k++) {
        const candidate = entries[(start + k) % entries.length]!;
        if (!used.has(candidate)) {
          pick = candidate;
          break;
        }
      }
    }
    used.add(pick);
    env[c.slot] = pick;
  }
}
