import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every module of src/ that loading `entry` loads: its static imports, followed transitively (type-only imports load nothing). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
      visit(join(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    }
  };
  visit(join(SRC, entry));
  return new Set([...seen].map((file) => relative(SRC, file)));
}

describe('what a command loads before it runs', () => {
  it('generate loads the GSM-Symbolic translator only when --from-gsm-symbolic asks for it', () => {
    const graph = staticGraph('cli/commands/generate.ts');
    expect(graph.has('engine/generate.ts')).toBe(true);
    expect([...graph].filter((file) => file.startsWith('gsm-symbolic/') || file === 'cli/gsm-symbolic.ts')).toEqual([]);
  });
});
