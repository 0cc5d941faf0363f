/**
 * Run by `npm run build` after tsc: compiles every schemas/*.schema.json to
 * validation code in dist/validators/<name>.cjs (ajv's standalone output),
 * with the sha256 of the schema text it was made from. src/schemas.ts uses
 * it only when that hash matches the schema it reads, so an edited schema is
 * never checked by stale code.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, PRECOMPILED_DIR, SCHEMAS_DIR, schemaSha256 } from '../dist/schemas.js';

mkdirSync(PRECOMPILED_DIR, { recursive: true });
for (const file of readdirSync(SCHEMAS_DIR).filter((name) => name.endsWith('.schema.json'))) {
  const text = readFileSync(new URL(file, SCHEMAS_DIR), 'utf8');
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(JSON.parse(text) as object));
  const name = file.slice(0, -'.schema.json'.length);
  writeFileSync(fileURLToPath(new URL(`${name}.cjs`, PRECOMPILED_DIR)), `${code}\nmodule.exports.schemaSha256 = ${JSON.stringify(schemaSha256(text))};\n`);
}
