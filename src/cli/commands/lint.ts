import { basename, resolve } from 'node:path';
import { matchesPattern, selectTemplates } from '../../engine/select.js';
import { lintTemplate } from '../../lint/lint-template.js';
import { DEFAULT_GENERATORS_DIR, loadTemplates } from '../../template/load.js';
import { integerFlag, listFlag, parseCommandArgs } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.js';
import { describe } from '../lint-format.js';
import { lintGsmSymbolic } from '../lint-gsm-symbolic.js';
import { checkGeneratorsFolder, FROM_GSM_SYMBOLIC_OPTION, GENERATORS_OPTION } from '../shared.js';

export const lint: Command = {
  name: 'lint',
  summary: 'sample every template and report acceptance, answers, duplicates, defects',
  usage: `Usage: reasonforge lint [--templates PATTERN] [--samples N] [--seed S] [--json] [--generators DIR]

  Draws N sets (default 1000) of every template with all its variants, checks each
  record against its template, and reports the acceptance rate, the estimated number
  of distinct items, the answer range, duplicate questions and any defect. Templates
  that do not load (unused variables, bad expressions, ...) are reported too.
  Exits 1 when any template fails.

  --from-gsm-symbolic DIR  lint GSM-Symbolic's annotated templates in DIR instead:
                           every template is reported, whatever happens to the others:
                           translated (or the construct that stopped it), sampled as
                           above, the library rules relaxed for it, where the release
                           contradicts itself (an annotation that does not compute, a
                           #### line that disagrees with #answer) and on how many draws,
                           and whether its {name,default} values reproduce the original
                           answer.`,

  async run(args, io) {
    const { values } = parseCommandArgs(
      'lint',
      args,
      {
        templates: { type: 'string' },
        samples: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        ...GENERATORS_OPTION,
        ...FROM_GSM_SYMBOLIC_OPTION,
      },
      false,
    );
    const samples = integerFlag('lint', values.samples, 'samples', 1000, 1);
    const seed = integerFlag('lint', values.seed, 'seed', 0);
    listFlag('lint', values.templates, 'templates');
    if (values['from-gsm-symbolic'] !== undefined)
      return lintGsmSymbolic(
        values['from-gsm-symbolic'],
        { samples, seed, json: values.json ?? false, pattern: values.templates, generators: values.generators },
        io,
      );
    if (values.generators !== undefined) checkGeneratorsFolder(values.generators);
    const loaded = loadTemplates(values.generators === undefined ? DEFAULT_GENERATORS_DIR : resolve(values.generators));
    // A file that failed to load has no id; its file name stands in, so `--templates <id>` still shows why it failed.
    const failedIds = loaded.failures.map((f) => basename(f.file, '.json'));
    const failures = loaded.failures.filter((_, i) => matchesPattern(failedIds[i]!, values.templates));
    const results = selectTemplates(loaded.templates, values.templates, failedIds).map((t) => lintTemplate(t, { samples, seed }));
    const failed = results.filter((r) => !r.ok).length + failures.length;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ results, load_failures: failures }, null, 2)}\n`);
    } else {
      for (const failure of failures) io.stdout.write(`FAIL  ${failure.message}\n`);
      for (const result of results) {
        io.stdout.write(`${describe(result)}\n`);
        for (const error of result.errors) io.stdout.write(`        error: ${error}\n`);
        for (const warning of result.warnings) io.stdout.write(`        warning: ${warning}\n`);
      }
      io.stdout.write(`${results.length + failures.length} templates, ${failed} failing\n`);
    }
    return failed === 0 ? EXIT_OK : EXIT_FAILURE;
  },
};
