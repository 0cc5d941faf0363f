import { basename, dirname, extname, resolve } from 'node:path';
import { importGsm8k } from '../../import/gsm8k.js';
import { importGsmPlus, type GsmPlusSummary } from '../../import/gsm-plus.js';
import { importGsmSymbolicData, type GsmSymbolicKind } from '../../import/gsm-symbolic-data.js';
import type { ImportOutcome } from '../../import/imported-record.js';
import { checkInputFile, STDIO } from '../../io/paths.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.js';
import { openOutput } from '../output.js';

const FORMATS = ['gsm8k', 'gsm-plus', 'gsm-symbolic'] as const;

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
  summary: 'turn GSM8K, GSM-Plus or GSM-Symbolic data into reasonforge records',
  usage: `Usage: reasonforge import gsm8k FILE [--out D.jsonl] [--source NAME] [--split test|train] [--force]
       reasonforge import gsm-plus FILE [--out D.jsonl] [--source NAME] [--split test|train] [--force]
       reasonforge import gsm-symbolic FILE... [--out D.jsonl] [--variant symbolic|p1|p2] [--split test|train] [--force]

  gsm8k         GSM8K-format JSONL (each line a "question" and an "answer" holding the worked
                solution with <<expr=value>> annotations and a last line "#### N"): one record
                per line, variant "external" (paired with nothing), id NAME:LINE. A GSM-Symbolic
                "instance" field becomes the record's set; other lines belong to no set.
  gsm-plus      GSM-Plus JSONL: each seed question becomes a base record (id NAME:LINE:seed, at
                its first line) and each perturbed question a record of its variant (id NAME:LINE)
                paired with it: numerical substitution -> numbers, digit expansion -> digits,
                integer-decimal-fraction conversion -> decimal or fraction (by the numbers the
                question states), adding operation -> p1, reversing operation -> reverse, problem
                understanding -> paraphrase, distraction insertion -> noop, critical thinking ->
                critical (answer "None" becomes unanswerable). Answers are kept as written.
  gsm-symbolic  GSM-Symbolic's released generated files (GSM_symbolic.jsonl, GSM_p1.jsonl,
                GSM_p2.jsonl): each item becomes a variant (symbolic, p1 or p2, from the file
                name) with its instance as its set (id gsm-symbolic/p1/0013:7), paired with its
                original GSM8K question, written once as a base record (id gsm8k/test:LINE).

  --out FILE      write FILE atomically instead of standard output
  --source NAME   gsm8k, gsm-plus: the prefix of every record id (default: folder/file,
                  e.g. gsm8k/test)
  --variant KIND  gsm-symbolic: the kind of every file's items, instead of reading the file names
  --split S       test (default) or train
  --force         replace FILE if it exists

  Imported records have no template and no seed, and name where they were read in "source".
  A line that cannot be imported is printed as FILE:LINE: message and left out; the exit
  code is then 1.`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('import', args, {
      out: { type: 'string' },
      source: { type: 'string' },
      variant: { type: 'string' },
      split: { type: 'string' },
      force: { type: 'boolean' },
    });
    const [format, ...files] = positionals;
    if (format === undefined || !(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(
        `import: the format must be one of ${FORMATS.join(', ')}, as in: reasonforge import gsm8k FILE --out D.jsonl${format === undefined ? '' : ` (got "${format}")`}`,
      );
    }
    if (files.length === 0 || (format !== 'gsm-symbolic' && files.length > 1)) {
      throw new UsageError(format === 'gsm-symbolic' ? 'import: give one or more GSM-Symbolic files' : `import: give exactly one ${format} file`);
    }
    const split = values.split ?? 'test';
    if (split !== 'test' && split !== 'train') throw new UsageError(`import: --split must be test or train, got "${split}"`);
    if (format === 'gsm-symbolic' && values.source !== undefined)
      throw new UsageError('import: --source does not apply to gsm-symbolic, whose ids name the release template and the GSM8K question');
    if (format !== 'gsm-symbolic' && values.variant !== undefined) throw new UsageError('import: --variant applies to gsm-symbolic only');
    const variant = values.variant;
    if (variant !== undefined && !['symbolic', 'p1', 'p2'].includes(variant))
      throw new UsageError(`import: --variant must be symbolic, p1 or p2, got "${variant}"`);
    for (const file of files) checkInputFile(file);

    const summary: GsmPlusSummary = { seeds: 0, byVariant: {}, unstatedConversions: [] };
    const file = files[0]!;
    const outcomes: AsyncGenerator<ImportOutcome & { readonly file?: string }> =
      format === 'gsm8k'
        ? importGsm8k(file, { source: values.source ?? defaultSourceName(file), split })
        : format === 'gsm-plus'
          ? importGsmPlus(file, { source: values.source ?? `gsm-plus/${defaultSourceName(file).split('/').pop()!}`, split }, summary)
          : importGsmSymbolicData(files, { split, ...(variant !== undefined && { kind: variant as GsmSymbolicKind }) });

    const out = values.out === STDIO ? undefined : values.out;
    const output = openOutput(out, io.stdout, { force: values.force === true });
    let written = 0;
    let skipped = 0;
    try {
      for await (const outcome of outcomes) {
        if (!outcome.ok) {
          skipped++;
          io.stderr.write(`${outcome.file ?? file}:${outcome.line}: ${outcome.message}\n`);
          continue;
        }
        await output.write(`${JSON.stringify(outcome.record)}\n`);
        written++;
      }
      await output.commit();
    } catch (error) {
      output.abort();
      throw error;
    }
    if (format === 'gsm-plus') {
      const kinds = Object.entries(summary.byVariant)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ');
      io.stderr.write(`reasonforge import: ${summary.seeds} seed questions as base records; perturbed: ${kinds || 'none'}\n`);
      if (summary.unstatedConversions.length > 0) {
        const lines = summary.unstatedConversions;
        io.stderr.write(
          `reasonforge import: note: ${lines.length} integer-decimal-fraction conversion item(s) state no decimal or fraction and were imported as decimal (lines ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', ...' : ''})\n`,
        );
      }
    }
    io.stderr.write(
      `reasonforge import: ${written} records${out === undefined ? '' : ` written to ${out}`}${skipped > 0 ? `; ${skipped} line(s) left out` : ''}\n`,
    );
    return skipped > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};
