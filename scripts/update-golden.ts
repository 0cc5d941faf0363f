/**
 * Rewrites test/golden/golden.json from the current templates. Run it only
 * after reading the new output: the golden file is how a change is noticed.
 */
import { writeFileSync } from 'node:fs';
import { loadLibrary } from '../src/template/load.js';
import { computeGolden } from '../test/golden/golden-data.js';

const golden = computeGolden(loadLibrary().templates);
writeFileSync(new URL('../test/golden/golden.json', import.meta.url), `${JSON.stringify(golden, null, 2)}\n`);
console.log(`golden.json: ${Object.keys(golden.templates).length} templates, whole output ${golden.sha256}`);
