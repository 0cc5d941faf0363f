import { generateOne } from '../../engine/generate.js';
import { parseVariants } from '../../engine/variants.js';
import { ReasonforgeError } from '../../errors.js';
import { parseItemId } from '../../records/ids.js';
import type { ProblemRecord } from '../../records/problem.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { importForCommand } from '../gsm-symbolic.js';
import { FROM_GSM_SYMBOLIC_OPTION, GENERATORS_OPTION, libraryFor } from '../shared.js';

function readable(record: ProblemRecord): string {
  const indent = (text: string) =>
    text
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
  const lines = [
    `${record.id}`,
    `template ${record.template?.id} v${record.template?.version}, variant ${record.variant.kind}, set ${record.set}, split ${record.split}, seed ${record.seed}`,
    '',
    'Question:',
    indent(record.question),
    '',
    `Answer: ${record.answer} (${record.answer_type})`,
    '',
    'Solution:',
    indent(record.solution),
  ];
  for (const clause of record.variant.inserted ?? [])
    lines.push('', `Inserted ${clause.kind} "${clause.id}" after premise ${clause.after + 1}: ${clause.text}`);
  if (record.variant.changed !== undefined) lines.push('', `Changed from the base item: ${record.variant.changed.join(', ') || 'nothing'}`);
  const { reversed, rewritten, removed, order } = record.variant;
  if (reversed !== undefined) lines.push('', `Reversed problem "${reversed.id}": the base answer is given, and ${reversed.unknown} is asked`);
  if (rewritten !== undefined)
    lines.push(
      '',
      `Rewritten: ${rewritten.map((r) => (r.part === 'question' ? 'the question' : `premise ${r.index! + 1}`) + ` (alternative ${r.alternative + 1})`).join(', ')}`,
    );
  if (removed !== undefined) lines.push('', `Removed premise ${removed.premise + 1}, the only one stating ${removed.missing.join(', ')}: ${removed.text}`);
  if (order !== undefined) lines.push('', `Premises in the order ${order.map((i) => i + 1).join(', ')}`);
  const width = Math.max(...Object.keys(record.bindings).map((name) => name.length));
  lines.push('', 'Bindings:', ...Object.entries(record.bindings).map(([name, value]) => `  ${name.padEnd(width)} = ${value}`));
  lines.push('', `Difficulty: ${record.difficulty.steps} steps, ${record.difficulty.operations} operations, largest number ${record.difficulty.max_number}`);
  return `${lines.join('\n')}\n`;
}

export const show: Command = {
  name: 'show',
  summary: 'print one item, by id, with its bindings and solution',
  usage: `Usage: reasonforge show ID [--json] [--generators DIR] [--from-gsm-symbolic DIR]

  ID is <template>:<split>:<seed>:<set>:<variant>, as in the id field of a record,
  e.g. bakery-trays-left:test:1:0:noop. The item is regenerated from its id alone.

  --json                   print the record as JSON instead
  --from-gsm-symbolic DIR  regenerate an item made from GSM-Symbolic's annotated templates
                           in DIR (ids like gsm-symbolic/p1/0013:test:1:0:base)`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('show', args, { json: { type: 'boolean' }, ...GENERATORS_OPTION, ...FROM_GSM_SYMBOLIC_OPTION });
    if (positionals.length !== 1) throw new UsageError('show: give exactly one item id');
    const id = positionals[0]!;
    const address = parseItemId(id);
    if (address === null) {
      throw new ReasonforgeError(
        'usage',
        `"${id}" is not an item id; ids look like bakery-trays-left:test:1:0:base (seed and set are whole numbers up to 9007199254740991)`,
      );
    }
    const [variant] = parseVariants([address.variant]);
    const library = libraryFor(values.generators);
    const release = values['from-gsm-symbolic'];
    let template;
    if (release !== undefined) {
      const imported = importForCommand('show', release, library, null);
      const found = imported.templates.find((t) => t.id === address.template);
      const failure = imported.failures.find((f) => f.id === address.template);
      if (failure !== undefined)
        throw new ReasonforgeError('template-untranslatable', `${address.template} is not translated: ${failure.message}`, { file: failure.file });
      if (found === undefined) throw new ReasonforgeError('unknown-name', `${release} holds no template ${address.template}`, { file: release });
      template = found.template;
    } else if (address.template.startsWith('gsm-symbolic/') && !library.templates.some((t) => t.id === address.template)) {
      throw new ReasonforgeError(
        'usage',
        `${address.template} is made from GSM-Symbolic's annotated templates; pass --from-gsm-symbolic DIR, the folder of the release's templates, to regenerate it`,
      );
    } else template = library.get(address.template);
    const record = generateOne(template, address.seed, address.split, address.set, variant!);
    io.stdout.write(values.json ? `${JSON.stringify(record, null, 2)}\n` : readable(record));
    return EXIT_OK;
  },
};
