import { basename, dirname, extname, resolve } from 'node:path';
import { importGsm8k } from '../../import/gsm8k.js';
import { checkInputFile, STDIO } from '../../io/paths.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.js';
import { openOutput } from '../output.js';

/** `gsm8k/test` for .../gsm8k/test.jsonl: the folder says which dataset, the file which split. */
export function defaultSourceName(file: string): string {
  if (file === '-') return 'stdin';
  const clean = (part: string) => part.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'data';
  const path = resolve(file);
  const stem = clean(basename(path, extname(path)));
  const folder = basename(dirname(path));
  return folder === '' || folder === '/' ? stem : `${clean(folder)}/${stem}`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'turn GSM8K-format data into reasonforge records (variant external)',
  usage: `Usage: reasonforge import gsm8k FILE [--out D.jsonl] [--source NAME] [--split test|train] [--force]

  Reads GSM8K-format JSONL (each line a "question" and an "answer" holding the
  worked solution with <<expr=value>> annotations and a last line "#### N": GSM8K
  itself, GSM-Plus, GSM-Symbolic's released files) and writes one reasonforge record
  per line, with variant "external", no template and no seed, so the data can be
  scored and reported next to generated variants. A GSM-Symbolic "instance" field
  becomes the record's set.

  --out FILE      write FILE atomically instead of standard output
  --source NAME   the prefix of every record id, NAME:LINE (default: folder/file, e.g. gsm8k/test)
  --split S       test (default) or train
  --force         replace FILE if it exists

  A line that cannot be imported is printed as FILE:LINE: message and left out;
  the exit code is then 1.`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('import', args, {
      out: { type: 'string' },
      source: { type: 'string' },
      split: { type: 'string' },
      force: { type: 'boolean' },
    });
    const [format, file, ...extra] = positionals;
    if (format !== 'gsm8k') throw new UsageError(`import: the only format is gsm8k, as in: reasonforge import gsm8k FILE --out D.jsonl${format === undefined ? '' : ` (got "${format}")`}`);
    if (file === undefined || extra.length > 0) throw new UsageError('import: give exactly one input file');
    const split = values.split ?? 'test';
    if (split !== 'test' && split !== 'train') throw new UsageError(`import: --split must be test or train, got "${split}"`);
    checkInputFile(file);
    const out = values.out === STDIO ? undefined : values.out;
    const output = openOutput(out, io.stdout, { force: values.force === true });
    let written = 0;
    let skipped = 0;
    try {
      for await (const outcome of importGsm8k(file, { source: values.source ?? defaultSourceName(file), split })) {
        if (!outcome.ok) {
          skipped++;
          io.stderr.write(`${file}:${outcome.line}: ${outcome.message}\n`);
          continue;
        }
        await output.write(`${JSON.stringify(outcome.record)}\n`);
        written++;
      }
      output.commit();
    } catch (error) {
      output.abort();
      throw error;
    }
    io.stderr.write(`reasonforge import: ${written} records${out === undefined ? '' : ` written to ${out}`}${skipped > 0 ? `; ${skipped} line(s) left out` : ''}\n`);
    return skipped > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};
