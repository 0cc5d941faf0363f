import { isReasonforgeError } from '../errors.js';
import { matchesPattern, selectTemplates } from '../engine/select.js';
import { checkDefaults, type DefaultsCheck } from '../gsm-symbolic/defaults.js';
import { releaseDefects, type ReleaseDefect } from '../gsm-symbolic/defects.js';
import type { ImportedTemplate } from '../gsm-symbolic/load.js';
import { lintTemplate, type LintResult } from '../lint/lint-template.js';
import { EXIT_FAILURE, EXIT_OK } from './command.js';
import { describe } from './lint-format.js';
import { importForCommand } from './gsm-symbolic.js';
import { libraryFor } from './shared.js';

interface Row {
  readonly imported: ImportedTemplate;
  readonly lint: LintResult;
  readonly defaults: DefaultsCheck;
  readonly relaxations: readonly string[];
  readonly defects: readonly ReleaseDefect[];
}

/** One template's report; a failure of any kind becomes its row, never the end of the run. */
function lintOne(imported: ImportedTemplate, options: { samples: number; seed: number }): Row {
  const relaxations = [...imported.translation.relaxations, ...(imported.template.imported?.relaxations ?? [])];
  const safely = <T>(run: () => T, fallback: (message: string) => T): T => {
    try {
      return run();
    } catch (error) {
      if (!isReasonforgeError(error)) throw error;
      return fallback(error.message);
    }
  };
  const lint = safely(
    () => lintTemplate(imported.template, { ...options, minAcceptance: 0 }),
    (message): LintResult => ({ template: imported.id, file: imported.file, ok: false, errors: [message], warnings: [], stats: null }),
  );
  const defaults = safely(
    () => checkDefaults(imported),
    (message): DefaultsCheck => ({ answer: null, expected: null, reproduced: false, questionReproduced: null, failedConditions: [], problem: message }),
  );
  return {
    imported,
    lint,
    defaults,
    relaxations,
    defects: safely(
      () => releaseDefects(imported),
      () => [],
    ),
  };
}

function defaultsLine(defaults: DefaultsCheck): string {
  if (defaults.problem !== null) return `defaults: not checked (${defaults.problem})`;
  if (defaults.expected === null) return `defaults: give ${defaults.answer}; the file has no original answer to compare`;
  return defaults.reproduced
    ? `defaults: reproduce the original answer ${defaults.expected}`
    : `defaults: give ${defaults.answer}, but the original answer is ${defaults.expected}`;
}

function percentOf(part: number, whole: number): string {
  const share = (100 * part) / whole;
  return `${share < 1 ? share.toFixed(2) : share.toFixed(1)}%`;
}

/**
 * lint --from-gsm-symbolic: per release template, whether it translated (or
 * the construct that stopped it), the usual sampling statistics, the library
 * rules relaxed for it, where the release contradicts itself and on what
 * share of draws, whether its defaults reproduce the original answer, and
 * what the translation changed. Every template is reported.
 */
export async function lintGsmSymbolic(
  dir: string,
  options: { samples: number; seed: number; json: boolean; pattern: string | undefined; generators: string | undefined },
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const library = libraryFor(options.generators);
  const imported = importForCommand('lint', dir, library, null);
  const chosen = new Set(
    selectTemplates(
      imported.templates.map((t) => t.template),
      options.pattern,
    ).map((t) => t.id),
  );
  const rows = imported.templates.filter((t) => chosen.has(t.id)).map((t) => lintOne(t, options));
  const failures = imported.failures.filter((f) => matchesPattern(f.id, options.pattern));
  const failed = failures.length + rows.filter((r) => !r.lint.ok).length;
  if (options.json) {
    const json = {
      templates: rows.map((r) => ({
        id: r.imported.id,
        file: r.imported.file,
        notes: r.imported.translation.notes,
        relaxed_for_import: r.relaxations,
        release_defects: r.defects,
        lint: r.lint,
        defaults: r.defaults,
      })),
      not_translated: failures,
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return failed === 0 ? EXIT_OK : EXIT_FAILURE;
  }
  for (const failure of failures) io.stdout.write(`FAIL  ${failure.id}  not translated: ${failure.construct}\n        ${failure.message}\n`);
  for (const row of rows) {
    const { lint: result, defaults } = row;
    io.stdout.write(`${describe(result)}\n`);
    io.stdout.write(`        ${defaultsLine(defaults)}\n`);
    if (defaults.questionReproduced === false) io.stdout.write('        defaults: the question does not render back to the original text\n');
    for (const condition of defaults.failedConditions) io.stdout.write(`        defaults: break the condition "${condition}"\n`);
    for (const relaxation of row.relaxations)
      io.stdout.write(`        relaxed for import: ${relaxation} (a library rule; the release's template is kept as written)\n`);
    for (const defect of row.defects) {
      io.stdout.write(
        `        release defect: ${defect.says} on ${defect.failing} of ${defect.of} draws (${percentOf(defect.failing, defect.of)}); generation keeps only the draws where they agree\n`,
      );
    }
    for (const note of row.imported.translation.notes) io.stdout.write(`        note: ${note}\n`);
    for (const error of result.errors) io.stdout.write(`        error: ${error}\n`);
    for (const warning of result.warnings) io.stdout.write(`        warning: ${warning}\n`);
  }
  const clean = rows.filter((r) => r.lint.ok).length;
  const reproduced = rows.filter((r) => r.defaults.reproduced).length;
  const withDefects = rows.filter((r) => r.defects.length > 0).length;
  const relaxed = rows.filter((r) => r.relaxations.length > 0).length;
  io.stdout.write(
    `${rows.length + failures.length} GSM-Symbolic templates: ${failures.length} not translated, ${clean} lint clean, ${relaxed} with library rules relaxed, ${withDefects} with release defects, ${reproduced} reproduce their original answer\n`,
  );
  return failed === 0 ? EXIT_OK : EXIT_FAILURE;
}
