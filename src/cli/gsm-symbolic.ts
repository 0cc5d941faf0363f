import { resolve } from 'node:path';
import { checkInputFolder } from '../io/paths.js';
import { loadGsmSymbolic, type GsmSymbolicImport } from '../gsm-symbolic/load.js';
import type { TemplateLibrary } from '../template/load.js';

/** Loads a GSM-Symbolic release folder with our pools, printing each template it cannot translate (unless stderr is null). */
export function importForCommand(command: string, dir: string, library: TemplateLibrary, stderr: NodeJS.WritableStream | null): GsmSymbolicImport {
  checkInputFolder(dir, { flag: '--from-gsm-symbolic' });
  const imported = loadGsmSymbolic(resolve(dir), library.pools);
  for (const failure of stderr === null ? [] : imported.failures) {
    stderr!.write(`reasonforge ${command}: ${failure.file}: ${failure.id} not translated: ${failure.message}\n`);
  }
  return imported;
}
