#!/usr/bin/env node
import { deferOptimisation, loadCli } from '../dist/cli/start.js';

function internalError(error) {
  process.stderr.write(`reasonforge: internal error: ${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 70;
}

let cli;
try {
  cli = loadCli().cli;
} catch (error) {
  internalError(error);
}
if (cli !== undefined) {
  // Only once the bundle is compiled: V8 refuses a code cache made under other flags.
  deferOptimisation(300);
  cli.main(process.argv.slice(2), cli.processIO()).then((code) => {
    process.exitCode = code;
  }, internalError);
}
