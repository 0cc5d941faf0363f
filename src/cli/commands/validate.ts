import { checkManifest } from '../../dataset/check-manifest.js';
import { ReasonforgeError } from '../../errors.js';
import { checkInputFile } from '../../io/paths.js';
import { createLibrary } from '../../template/load.js';
import { formatDefect, validateFile } from '../../validate/validate-file.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.js';
import { importForCommand } from '../gsm-symbolic.js';
import { FROM_GSM_SYMBOLIC_OPTION, GENERATORS_OPTION, libraryFor } from '../shared.js';

export const validate: Command = {
  name: 'validate',
  summary: 'check a dataset: schema, recomputed answers, annotations, variant links',
  usage: `Usage: reasonforge validate FILE [--generators DIR] [--from-gsm-symbolic DIR]

  Checks every line of a reasonforge JSONL file against schemas/problem.schema.json,
  recomputes each answer and step from its bindings, checks every <<expr=value>>,
  re-renders each question and solution line, and checks that variants agree with their base items
  and that no id or question repeats. When FILE.manifest.json is beside FILE, the
  file's size, sha256 and record counts must match it. Prints each defect as
  FILE:LINE: message and exits 1 if there is any; an empty file is an error. With --from-gsm-symbolic DIR, the templates translated from
  GSM-Symbolic's annotated files in DIR are known too, so their output can be checked.`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('validate', args, { ...GENERATORS_OPTION, ...FROM_GSM_SYMBOLIC_OPTION });
    if (positionals.length !== 1) throw new UsageError('validate: give exactly one file');
    const file = positionals[0]!;
    checkInputFile(file);
    let library = libraryFor(values.generators);
    const release = values['from-gsm-symbolic'];
    if (release !== undefined) {
      const imported = importForCommand('validate', release, library, io.stderr).templates.map((t) => t.template);
      library = createLibrary(library.dir, [...library.templates, ...imported], library.pools);
    }
    const report = await validateFile(file, library);
    if (report.records === 0 && report.defects.length === 0) throw new ReasonforgeError('dataset-empty', 'holds no records', { file });
    for (const defect of report.defects) io.stdout.write(`${formatDefect(file, defect)}\n`);
    const manifest = await checkManifest(file);
    for (const problem of manifest?.problems ?? []) io.stdout.write(`${manifest!.manifest}: ${problem}\n`);
    const manifestProblems = manifest?.problems.length ?? 0;
    const lines = new Set(report.defects.map((d) => d.line)).size;
    const against = manifest === null ? '' : manifestProblems === 0 ? '; agrees with its manifest' : `; ${manifestProblems} disagreement(s) with its manifest`;
    io.stderr.write(
      report.defects.length === 0
        ? `reasonforge validate: ${file}: ${report.records} records, no defects${against}\n`
        : `reasonforge validate: ${file}: ${report.defects.length} defect(s) on ${lines} line(s) of ${report.records} records${against}\n`,
    );
    return report.defects.length === 0 && manifestProblems === 0 ? EXIT_OK : EXIT_FAILURE;
  },
};
