import type { Command } from '../command.js';
import { generate } from './generate.js';
import { lint } from './lint.js';
import { list } from './list.js';
import { show } from './show.js';
import { validate } from './validate.js';
import { verifyCommand } from './verify.js';

/** Every subcommand, in the order `reasonforge --help` lists them. One file per command. */
export const commands: readonly Command[] = [generate, list, show, validate, lint, verifyCommand];
