import type { Command } from '../command.js';
import { verifyCommand } from './verify.js';

/** Every subcommand, in the order `reasonforge --help` lists them. One file per command. */
export const commands: readonly Command[] = [verifyCommand];
