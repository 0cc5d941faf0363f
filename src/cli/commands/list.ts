import { supportedVariants, unsupportedReasons } from '../../engine/variants.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { GENERATORS_OPTION, libraryFor } from '../shared.js';

export const list: Command = {
  name: 'list',
  summary: 'list the templates with their topic, steps and variants',
  usage: `Usage: reasonforge list [--json] [--generators DIR]

  --json            one JSON array with every template's details
  --generators DIR  list the templates in DIR instead of the built-in ones`,

  async run(args, io) {
    const { values } = parseCommandArgs('list', args, { json: { type: 'boolean' }, ...GENERATORS_OPTION }, false);
    const library = libraryFor(values.generators);
    const rows = library.templates.map((t) => ({
      id: t.id,
      version: t.version,
      topic: t.topic,
      tags: t.tags,
      steps: t.solution.length,
      premises: t.premises.length,
      distractors: t.distractors.length,
      extensions: t.extensions.length,
      variants: supportedVariants(t),
      unsupported: Object.fromEntries(unsupportedReasons(t)),
    }));
    if (values.json) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT_OK;
    }
    const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
    const topicWidth = Math.max(5, ...rows.map((r) => r.topic.length));
    io.stdout.write(`${'id'.padEnd(idWidth)}  ${'topic'.padEnd(topicWidth)}  steps  variants\n`);
    for (const r of rows) {
      const lacking = Object.keys(r.unsupported);
      const variants = lacking.length === 0 ? 'all' : `all but ${lacking.join(',')}`;
      io.stdout.write(`${r.id.padEnd(idWidth)}  ${r.topic.padEnd(topicWidth)}  ${String(r.steps).padStart(5)}  ${variants}\n`);
    }
    io.stdout.write(`${rows.length} templates\n`);
    return EXIT_OK;
  },
};
