/**
 * How bin/reasonforge.js starts the CLI. The build (scripts/bundle-cli.ts)
 * bundles the CLI into one CommonJS file, dist/cli.bundle.cjs, and records
 * V8's code cache for it after a `generate --sets 1` run: the bytecode of
 * every function that run compiled, after the sha256 of the bundle it was
 * made from. Started with that cache, a command skips resolving a hundred
 * modules and compiling the functions it shares with that run.
 *
 * This module imports only node: built-ins, so that loading it costs
 * nothing the bundle does not already pay.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import type { WorkerSetup } from '../dataset/generate-protocol.js';
import type { CommandIO } from './command.js';

/** What the bundle exports: src/cli/main.ts's entry points. */
export interface CliEntry {
  readonly main: (argv: readonly string[], io: CommandIO) => Promise<number>;
  readonly processIO: () => CommandIO;
  readonly serveGenerate: (setup: WorkerSetup) => Promise<void>;
}

export const BUNDLE_FILE = fileURLToPath(new URL('../cli.bundle.cjs', import.meta.url));
export const CACHE_FILE = fileURLToPath(new URL('../cli.bundle.cache', import.meta.url));

const DIGEST_BYTES = 32;

function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/**
 * The code cache recorded in `cacheFile` for exactly these bundle bytes, or
 * undefined. V8 checks that a cache comes from the same V8 version and flags,
 * but of the source it checks only the length: the digest makes a cache
 * apply to the bundle it was made from and to nothing else.
 */
export function cacheFor(cacheFile: string, bundle: Uint8Array): Buffer | undefined {
  if (!existsSync(cacheFile)) return undefined;
  const recorded = readFileSync(cacheFile);
  if (recorded.length <= DIGEST_BYTES || !recorded.subarray(0, DIGEST_BYTES).equals(sha256(bundle))) return undefined;
  return recorded.subarray(DIGEST_BYTES);
}

export interface LoadedCli {
  readonly cli: CliEntry;
  /** True when V8 compiled the bundle from the recorded cache (false without one, or when V8 refused it). */
  readonly cacheUsed: boolean;
  /** The cache of everything compiled so far, prefixed with the bundle's digest: what cacheFor reads back. */
  recordCache(): Buffer;
}

/** Compiles and runs the bundle as CommonJS, with the recorded cache when there is one for it. */
export function loadCli(options: { bundleFile?: string; cacheFile?: string | null } = {}): LoadedCli {
  const bundleFile = options.bundleFile ?? BUNDLE_FILE;
  if (!existsSync(bundleFile)) throw new Error(`${bundleFile} is missing: the build makes it (npm run build)`);
  const bundle = readFileSync(bundleFile);
  const cacheFile = options.cacheFile === undefined ? CACHE_FILE : options.cacheFile;
  const cachedData = cacheFile === null ? undefined : cacheFor(cacheFile, bundle);
  // Node's own wrapper for CommonJS, and the import() of the modules the bundle leaves out (see scripts/bundle-cli.ts).
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __importLeftOut) {${bundle.toString('utf8')}\n})`, {
    filename: bundleFile,
    ...(cachedData !== undefined && { cachedData }),
  });
  const module = { exports: {} };
  const importLeftOut = (file: string): Promise<unknown> => import(pathToFileURL(join(dirname(bundleFile), file)).href);
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(bundleFile),
    module,
    bundleFile,
    dirname(bundleFile),
    importLeftOut,
  );
  return {
    cli: module.exports as CliEntry,
    cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true,
    recordCache: () => Buffer.concat([sha256(bundle), script.createCachedData()]),
  };
}

/**
 * Runs `argv` through a freshly compiled bundle, then writes the code cache
 * of everything it compiled to `cacheFile` (through a temporary file, so a
 * reader never sees half of one). The build calls this in a plain `node`
 * process: V8 refuses a cache made under other flags.
 */
export async function recordStartupCache(argv: readonly string[], cacheFile: string = CACHE_FILE): Promise<number> {
  const loaded = loadCli({ cacheFile: null });
  const code = await loaded.cli.main(argv, loaded.cli.processIO());
  if (code !== 0) return code;
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, loaded.recordCache());
  renameSync(temp, cacheFile);
  return code;
}

/** V8's --interrupt-budget in Node 20 (V8 11.3): the bytecode a function runs between two checks of whether it is hot enough to optimise. */
export const V8_INTERRUPT_BUDGET = 66 * 1024;

/**
 * How many times V8's budget a function runs in the first moments of a
 * process before TurboFan is asked to optimise it. Measured on an idle
 * machine: 2 saves as much start-up as 8 (0.45 s against 0.52 s for
 * `generate --sets 1`), while 8 made a 3-second run about 10% slower (a
 * function keeps the budget it was given for a while after the window).
 */
export const DEFERRED_BUDGET_FACTOR = 2;

/**
 * For the first `forMs` of a CLI process, a function must run
 * DEFERRED_BUDGET_FACTOR times as long as V8 usually asks before TurboFan
 * compiles it optimised; then V8's own budget returns (at the first turn of
 * the event loop after `forMs`). In `generate --sets 1` TurboFan otherwise
 * compiles dozens of large functions (the expression parser, the template
 * compiler, the rewrite search, the renderer) that then run for a few hundred
 * milliseconds more: about 0.3 s of CPU on a second thread, which a busy
 * machine does not have free, and which delayed even an idle 2-core machine's
 * main thread (docs/scaling.md has the figures). Only on the V8 it was measured on,
 * and never over a budget given on the command line. Returns whether it
 * applied.
 */
export function deferOptimisation(forMs: number, v8Version: string = process.versions.v8): boolean {
  const userSet = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((arg) => arg.includes('interrupt-budget'));
  if (!v8Version.startsWith('11.3.') || userSet) return false;
  setFlagsFromString(`--interrupt-budget=${DEFERRED_BUDGET_FACTOR * V8_INTERRUPT_BUDGET}`);
  setTimeout(() => setFlagsFromString(`--interrupt-budget=${V8_INTERRUPT_BUDGET}`), forMs).unref();
  return true;
}
