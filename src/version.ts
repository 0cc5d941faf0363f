import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from './schemas.js';

const packageJson = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { name: string; version: string };

/** What every record and manifest says made it. */
export const GENERATOR = Object.freeze({ name: packageJson.name, version: packageJson.version });
