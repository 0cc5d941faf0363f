import type { Command } from '../command.js';

export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<Command>;
}

/**
 * Every subcommand, in the order `reasonforge --help` lists them. Each module
 * is imported only when its command runs: `verify` should not pay for the
 * template compiler, nor `--version` for anything.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'generate', load: async () => (await import('./generate.js')).generate },
  { name: 'list', load: async () => (await import('./list.js')).list },
  { name: 'merge', load: async () => (await import('./merge.js')).merge },
  { name: 'show', load: async () => (await import('./show.js')).show },
  { name: 'validate', load: async () => (await import('./validate.js')).validate },
  { name: 'lint', load: async () => (await import('./lint.js')).lint },
  { name: 'import', load: async () => (await import('./import.js')).importCommand },
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'audit', load: async () => (await import('./audit.js')).audit },
  { name: 'verify', load: async () => (await import('./verify.js')).verifyCommand },
  { name: 'run', load: async () => (await import('./run.js')).run },
  { name: 'score', load: async () => (await import('./score.js')).score },
  { name: 'report', load: async () => (await import('./report.js')).report },
  { name: 'compare', load: async () => (await import('./compare.js')).compare },
];
