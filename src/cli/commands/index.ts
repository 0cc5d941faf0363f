import type { Command } from '../command.js';
import { audit } from './audit.js';
import { exportCommand } from './export.js';
import { generate } from './generate.js';
import { importCommand } from './import.js';
import { lint } from './lint.js';
import { list } from './list.js';
import { show } from './show.js';
import { validate } from './validate.js';
import { verifyCommand } from './verify.js';

/** Every subcommand, in the order `reasonforge --help` lists them. One file per command. */
export const commands: readonly Command[] = [generate, list, show, validate, lint, importCommand, exportCommand, audit, verifyCommand];
