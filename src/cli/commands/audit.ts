import { ReasonforgeError } from '../../errors.js';
import { parseJsonLine, readLines } from '../../io/jsonl.js';
import { checkInputFile, STDIO } from '../../io/paths.js';
import { auditFile, summarize } from '../../audit/audit-file.js';
import { VERIFIER_CHECKERS } from '../../audit/default-checker.js';
import { formatFinding } from '../../audit/findings.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.js';
import { StreamWriter } from '../shared.js';

export const audit: Command = {
  name: 'audit',
  summary: 'check a GSM8K-format file: annotation arithmetic, final answers, observations',
  usage: `Usage: reasonforge audit FILE [--json] [--errors-only]

  Checks every line of a GSM8K-format JSONL file (question, and an answer with
  <<expr=value>> annotations ending in "#### N"):
    errors    an annotation whose arithmetic is wrong, exactly (a rounded value is
              accepted only where the solution or question says it rounds); a
              line without a final "#### N", or whose final answer is not a number
    warnings  observations: a final answer that no annotation computes, a solution
              without annotations, an annotation that is not plain arithmetic,
              arithmetic in the prose that does not hold ("32 - 20 = 300"), text
              after the final answer, a question asked twice
  Prints each finding as FILE:LINE: severity: message, then a summary on stderr.
  Exits 1 when there is any error; warnings leave the exit code 0.

  --json          print the whole report as JSON instead
  --errors-only   print only the errors (the summary still counts everything)`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('audit', args, { json: { type: 'boolean' }, 'errors-only': { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('audit: give exactly one file');
    const file = positionals[0]!;
    checkInputFile(file);
    if (await isReasonforgeDataset(file)) {
      throw new UsageError(
        `audit: ${file} holds reasonforge records (id, template, variant, ...), not GSM8K-format lines; check it with: reasonforge validate ${file}`,
      );
    }
    const report = await auditFile(file, VERIFIER_CHECKERS);
    if (report.lines === 0) throw new ReasonforgeError('dataset-empty', 'holds no lines to audit', { file });
    const out = new StreamWriter(io.stdout);
    if (values.json) {
      await out.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      for (const f of report.findings) {
        if (values['errors-only'] && f.severity !== 'error') continue;
        await out.write(`${formatFinding(file, f)}\n`);
      }
    }
    io.stderr.write(`reasonforge audit: ${summarize(report)}\n`);
    return report.errors > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

/** Whether the first line is one of our records, which `validate` checks (standard input is not peeked at: it can be read once). */
async function isReasonforgeDataset(file: string): Promise<boolean> {
  if (file === STDIO) return false;
  for await (const { text } of readLines(file)) {
    if (text.trim() === '') continue;
    const parsed = parseJsonLine(text);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return false;
    const record = parsed.value as Record<string, unknown>;
    return 'base_id' in record && 'variant' in record && 'generator' in record;
  }
  return false;
}
