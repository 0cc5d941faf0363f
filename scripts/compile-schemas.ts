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
import { AJV_OPTIONS, PACKAGE_ROOT, PRECOMPILED_DIR, SCHEMAS_DIR, schemaSha256, type BuildVerdicts } from '../dist/schemas.js';

/** The documents each schema's verdicts are recorded for (see validAtBuild in src/schemas.ts). */
const CHECKED_AT_BUILD: Readonly<Record<string, URL>> = { template: new URL('generators/', PACKAGE_ROOT) };

mkdirSync(PRECOMPILED_DIR, { recursive: true });
for (const file of readdirSync(SCHEMAS_DIR).filter((name) => name.endsWith('.schema.json'))) {
  const text = readFileSync(new URL(file, SCHEMAS_DIR), 'utf8');
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(JSON.parse(text) as object);
  const code = standalone.default(ajv, validate);
  const name = file.slice(0, -'.schema.json'.length);
  writeFileSync(fileURLToPath(new URL(`${name}.cjs`, PRECOMPILED_DIR)), `${code}\nmodule.exports.schemaSha256 = ${JSON.stringify(schemaSha256(text))};\n`);
  const documents = CHECKED_AT_BUILD[name];
  if (documents !== undefined) {
    // An invalid document is simply not listed: it is checked, and reported, at run time.
    const valid = readdirSync(documents)
      .filter((entry) => entry.endsWith('.json'))
      .sort()
      .map((entry) => readFileSync(new URL(entry, documents), 'utf8'))
      .filter((document) => validate(JSON.parse(document)))
      .map(schemaSha256);
    const verdicts: BuildVerdicts = { schemaSha256: schemaSha256(text), valid };
    writeFileSync(fileURLToPath(new URL(`${name}.valid.json`, PRECOMPILED_DIR)), `${JSON.stringify(verdicts, null, 1)}\n`);
  }
}
