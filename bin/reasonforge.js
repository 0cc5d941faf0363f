#!/usr/bin/env node
import { deferOptimisation, loadCli } from '../dist/cli/start.js';

const { main, processIO } = loadCli().cli;
// Only once the bundle is compiled: V8 refuses a code cache made under other flags.
deferOptimisation(300);
main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`reasonforge: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  },
);
