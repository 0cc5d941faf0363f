/**
 * Run by `npm run build` after tsc: bundles src/expr/mathjs-parser.ts with the
 * parts of mathjs it reaches into one ES module, over tsc's re-export in
 * dist/. Start-up then parses one file instead of resolving and linking
 * mathjs's thousand-odd modules (see the module's comment for the figures).
 */
import { readFileSync } from 'node:fs';
import { build, type BuildOptions } from 'esbuild';

const options: BuildOptions = {
  entryPoints: ['src/expr/mathjs-parser.ts'],
  outfile: 'dist/expr/mathjs-parser.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

// A first pass finds the bundled packages, whose names, versions and licences head the file.
const { metafile } = await build({ ...options, write: false, metafile: true });
const packages = new Set<string>();
for (const input of Object.keys(metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match !== null) packages.add(match[1]!);
}
const notices = [...packages].sort().map((name) => {
  const meta = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string; license?: string };
  return ` * ${name} ${meta.version} (${meta.license ?? 'see its package'})`;
});
const banner = `/*\n * Bundled by scripts/bundle-mathjs.ts from:\n${notices.join('\n')}\n * Each package's licence text is in its own package, installed as a dependency of reasonforge.\n */`;
await build({ ...options, banner: { js: banner } });
