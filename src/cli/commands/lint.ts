import { basename, resolve } from 'node:path';
import { matchesPattern, selectTemplates } from '../../engine/select.js';
import { formatRate } from '../../engine/sampler.js';
import { lintTemplate, type LintResult } from '../../lint/lint-template.js';
import { DEFAULT_GENERATORS_DIR, loadTemplates } from '../../template/load.js';
import { integerFlag, listFlag, parseCommandArgs } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.js';
import { checkDefaults } from '../../gsm-symbolic/defaults.js';
import type { ImportedTemplate } from '../../gsm-symbolic/load.js';
import { FROM_GSM_SYMBOLIC_OPTION, importForCommand } from '../gsm-symbolic.js';
import { checkGeneratorsFolder, GENERATORS_OPTION, libraryFor } from '../shared.js';

function describe(result: LintResult): string {
  const s = result.stats;
  const head = `${result.ok ? 'ok  ' : 'FAIL'}  ${result.template}`;
  if (s === null) return head;
  const answers = s.answerMin === null ? 'no answers' : `answers ${s.answerMin}..${s.answerMax} (${s.distinctAnswers} distinct)`;
  return `${head}  acceptance ${formatRate(s.acceptance)}  capacity ~${s.capacity}  ${answers}  steps ${s.steps}  ${s.variants.join(',')}`;
}

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
                           each is translated (or reported with the construct that
                           stopped it), sampled as above, and checked for whether its
                           {name,default} values reproduce the original answer.`,

  async run(args, io) {
    const { values } = parseCommandArgs(
      'lint',
      args,
      { templates: { type: 'string' }, samples: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, ...GENERATORS_OPTION, ...FROM_GSM_SYMBOLIC_OPTION },
      false,
    );
    const samples = integerFlag('lint', values.samples, 'samples', 1000, 1);
    const seed = integerFlag('lint', values.seed, 'seed', 0);
    listFlag('lint', values.templates, 'templates');
    if (values['from-gsm-symbolic'] !== undefined) return lintGsmSymbolic(values['from-gsm-symbolic'], { samples, seed, json: values.json ?? false, pattern: values.templates, generators: values.generators }, io);
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

/**
 * lint --from-gsm-symbolic: per release template, whether it translated (or
 * the construct that stopped it), what the translation changed, the usual
 * sampling statistics, and whether its defaults reproduce the original answer.
 */
async function lintGsmSymbolic(
  dir: string,
  options: { samples: number; seed: number; json: boolean; pattern: string | undefined; generators: string | undefined },
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const library = libraryFor(options.generators);
  const imported = importForCommand('lint', dir, library, null);
  const chosen = new Set(selectTemplates(imported.templates.map((t) => t.template), options.pattern).map((t) => t.id));
  const rows = imported.templates
    .filter((t: ImportedTemplate) => chosen.has(t.id))
    .map((t) => ({ imported: t, lint: lintTemplate(t.template, { samples: options.samples, seed: options.seed }), defaults: checkDefaults(t) }));
  const failed = imported.failures.length + rows.filter((r) => !r.lint.ok).length;
  if (options.json) {
    const json = {
      templates: rows.map((r) => ({ id: r.imported.id, file: r.imported.file, notes: r.imported.translation.notes, lint: r.lint, defaults: r.defaults })),
      not_translated: imported.failures,
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return failed === 0 ? EXIT_OK : EXIT_FAILURE;
  }
  for (const failure of imported.failures) io.stdout.write(`FAIL  ${failure.id}  not translated: ${failure.construct}\n        ${failure.message}\n`);
  for (const { imported: t, lint: result, defaults } of rows) {
    io.stdout.write(`${describe(result)}\n`);
    const answer =
      defaults.problem !== null
        ? `defaults: not checked (${defaults.problem})`
        : defaults.expected === null
          ? `defaults: give ${defaults.answer}; the file has no original answer to compare`
          : defaults.reproduced
            ? `defaults: reproduce the original answer ${defaults.expected}`
            : `defaults: give ${defaults.answer}, but the original answer is ${defaults.expected}`;
    io.stdout.write(`        ${answer}\n`);
    if (defaults.questionReproduced === false) io.stdout.write('        defaults: the question does not render back to the original text\n');
    for (const condition of defaults.failedConditions) io.stdout.write(`        defaults: break the condition "${condition}"\n`);
    for (const note of t.translation.notes) io.stdout.write(`        note: ${note}\n`);
    for (const error of result.errors) io.stdout.write(`        error: ${error}\n`);
    for (const warning of result.warnings) io.stdout.write(`        warning: ${warning}\n`);
  }
  const reproduced = rows.filter((r) => r.defaults.reproduced).length;
  io.stdout.write(`${rows.length + imported.failures.length} GSM-Symbolic templates: ${imported.failures.length} not translated, ${rows.length - rows.filter((r) => !r.lint.ok).length} lint clean, ${reproduced} reproduce their original answer\n`);
  return failed === 0 ? EXIT_OK : EXIT_FAILURE;
}
