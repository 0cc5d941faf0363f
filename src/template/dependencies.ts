import type { Declared } from './classify.js';
import type { DerivedValue } from './compiled.js';

/**
 * For each derived value, the drawn variables it is computed from, directly
 * or through other derived values. Derived values come in the order they are
 * computed, so each one's inputs are already known.
 */
export function dependencies(declared: ReadonlyMap<string, Declared>, derived: readonly DerivedValue[]): Map<string, ReadonlySet<string>> {
  const result = new Map<string, ReadonlySet<string>>();
  for (const d of derived) {
    const inputs = new Set<string>();
    for (const name of d.expr.symbols) {
      const through = result.get(name);
      if (through !== undefined) for (const input of through) inputs.add(input);
      else if (declared.get(name)?.domain !== undefined) inputs.add(name);
    }
    result.set(d.name, inputs);
  }
  return result;
}

/** The drawn variables a set of names reads, looking through derived values. */
export function inputsOf(names: Iterable<string>, dependsOn: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const inputs = new Set<string>();
  for (const name of names) {
    const through = dependsOn.get(name);
    if (through !== undefined) for (const input of through) inputs.add(input);
    else inputs.add(name);
  }
  return inputs;
}
