import type { Command } from '../command.js';

/** Every subcommand, in the order `reasonforge --help` lists them. One file per command. */
export const commands: readonly Command[] = [];
