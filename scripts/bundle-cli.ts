/**
 * Run by `npm run build` last: bundles the CLI (dist/cli/main.js and all it
 * loads, commands included) into one CommonJS file, dist/cli.bundle.cjs, then
 * records V8's code cache for it after a `generate --seed 1 --sets 1` run
 * (dist/cli.bundle.cache; see src/cli/start.ts, which bin/reasonforge.js
 * starts through). CommonJS because Node 20 can compile only a script, not an
 * ES module, from a code cache.
 *
 * Each module keeps its own location: `import.meta.url` in a bundled module
 * becomes the URL of its file in dist/, so the files it finds beside it
 * (package.json, schemas, validators, worker modules) are the same ones.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_FILE, CACHE_FILE } from '../dist/cli/start.js';

const DIST = resolve('dist');

/**
 * Loaded by import() from the bundle, not bundled: they load vega, an ES
 * module with top-level await, which a CommonJS bundle cannot require. Node
 * 20 runs no import() inside a script compiled by vm (not without
 * --experimental-vm-modules), so the bundle asks src/cli/start.ts to import
 * them: `import('../../report/html.js')` becomes
 * `__importLeftOut('report/html.js')`.
 */
const LEFT_OUT = new Set(['report/html.js', 'compare/html.js']);

function leftOut(importer: string, specifier: string): string | undefined {
  const file = relative(DIST, resolve(dirname(importer), specifier));
  return LEFT_OUT.has(file) ? file : undefined;
}

const moduleUrls: Plugin = {
  name: 'module-urls',
  setup(context) {
    context.onResolve({ filter: /^\./ }, (args) => {
      const file = leftOut(args.importer, args.path);
      if (file !== undefined) throw new Error(`${args.importer} imports ${args.path} statically; it must stay out of the CLI bundle`);
      return undefined;
    });
    context.onLoad({ filter: /\/dist\/.*\.js$/ }, (args) => {
      const here = `./${relative(dirname(BUNDLE_FILE), args.path)}`;
      const text = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', `__moduleUrl(${JSON.stringify(here)})`)
        .replace(/\bimport\((['"])(\.[^'"]+)\1\)/g, (call, _quote: string, specifier: string) => {
          const file = leftOut(args.path, specifier);
          return file === undefined ? call : `__importLeftOut(${JSON.stringify(file)})`;
        });
      return { contents: text, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: BUNDLE_FILE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  plugins: [moduleUrls],
  banner: {
    js: [
      "'use strict';",
      '/* Bundled by scripts/bundle-cli.ts from dist/cli/main.js (with dist/expr/mathjs-parser.js: see its notices); run by src/cli/start.ts. */',
      "const __moduleUrl = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, file)).href;",
    ].join('\n'),
  },
  logLevel: 'silent',
});
if (result.warnings.length > 0) throw new Error(`bundling the CLI: ${result.warnings.map((w) => w.text).join('; ')}`);
const bundled = readFileSync(BUNDLE_FILE, 'utf8');
if (/(?<![.\w$])import\(/.test(bundled)) throw new Error('the CLI bundle holds an import() call, which a script compiled by vm cannot run: see LEFT_OUT');
const vega = Object.keys(result.metafile.inputs).filter((input) => /node_modules\/vega/.test(input));
if (vega.length > 0) throw new Error(`the CLI bundle must not contain vega (it cannot be required): ${vega[0]}`);

// The cache is recorded in a plain node process (V8 refuses a cache made under other flags), on a throwaway output.
const scratch = mkdtempSync(join(tmpdir(), 'rf-startup-cache-'));
try {
  const argv = ['generate', '--seed', '1', '--sets', '1', '--out', join(scratch, 'train.jsonl')];
  const code = `import { recordStartupCache } from ${JSON.stringify(new URL('../dist/cli/start.js', import.meta.url).href)}; process.exitCode = await recordStartupCache(${JSON.stringify(argv)}, ${JSON.stringify(CACHE_FILE)});`;
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`recording the start-up cache failed (exit ${run.status}): ${run.stderr}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
