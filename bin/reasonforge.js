#!/usr/bin/env node
import { loadCli } from '../dist/cli/start.js';

const { main, processIO } = loadCli().cli;
main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`reasonforge: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  },
);
