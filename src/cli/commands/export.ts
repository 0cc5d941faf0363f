import { basename, extname, resolve } from 'node:path';
import { EXPORT_FORMATS, exportFormat, loadDataset, writeExport } from '../../export/index.js';
import { checkInputFile, checkOutputFolder } from '../../io/paths.js';
import { printable } from '../../errors.js';
import { integerFlag, parseCommandArgs, requireString, UsageError } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a dataset in the format of an evaluator (lm-eval, inspect, openai-evals, hf, promptfoo)',
  usage: `Usage: reasonforge export --format F --dataset D.jsonl --out DIR [--fewshot D_train.jsonl] [options]

  Writes files that the evaluator loads as they are, and DIR/README.txt with the
  exact command to run. Formats:
${EXPORT_FORMATS.map((f) => `    ${f.name.padEnd(13)} ${f.summary}`).join('\n')}

  --fewshot FILE      solved examples for few-shot prompts (e.g. generate --split train):
                      lm-eval and inspect put the same N base items of distinct templates,
                      chosen by --fewshot-seed, before every question; hf writes the file as
                      the train split; openai-evals and promptfoo take none. A file sharing
                      ids, base items or questions with the dataset is refused.
  --num-fewshot N     examples per prompt (default 5)
  --fewshot-seed S    seed of the choice of examples (default 0)
  --name NAME         names tasks, evals and files (default: the dataset's file name)
  --license ID        the dataset card's license (hf; default mit, or "other" for imported items)
  --force             replace the contents of DIR if it holds files (the old files are all removed)`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'export',
      args,
      {
        format: { type: 'string' },
        dataset: { type: 'string' },
        out: { type: 'string' },
        fewshot: { type: 'string' },
        'num-fewshot': { type: 'string' },
        'fewshot-seed': { type: 'string' },
        name: { type: 'string' },
        license: { type: 'string' },
        force: { type: 'boolean' },
      },
      false,
    );
    if (positionals.length > 0) throw new UsageError('export: unexpected arguments');
    const format = exportFormat(requireString('export', values.format, 'format'));
    if (values.fewshot !== undefined && format.fewshot === 'unused')
      throw new UsageError(`export: --format ${format.name} shows no examples, so --fewshot would be ignored; leave it out`);
    if (values.fewshot === undefined && (values['num-fewshot'] !== undefined || values['fewshot-seed'] !== undefined))
      throw new UsageError('export: --num-fewshot and --fewshot-seed need --fewshot FILE');
    const datasetPath = requireString('export', values.dataset, 'dataset');
    const outArg = requireString('export', values.out, 'out');
    const numFewshot = integerFlag('export', values['num-fewshot'], 'num-fewshot', 5, 0);
    const fewshotSeed = integerFlag('export', values['fewshot-seed'], 'fewshot-seed', 0);
    // The name becomes file and task names: a path or an empty name would scatter or hide them.
    if (values.name !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(values.name)) {
      throw new UsageError(
        `export: --name must be 1 to 100 letters, digits, dots, dashes or underscores, starting with a letter or digit, got "${printable(values.name)}"`,
      );
    }
    if (values.license !== undefined) requireString('export', values.license, 'license');
    checkOutputFolder(outArg, { force: values.force === true, flag: '--out' });
    checkInputFile(datasetPath, { flag: '--dataset' });
    if (values.fewshot !== undefined) checkInputFile(values.fewshot, { flag: '--fewshot' });
    const out = resolve(outArg);
    const dataset = await loadDataset(datasetPath);
    const fewshot = values.fewshot === undefined ? undefined : await loadDataset(values.fewshot);
    const files = format.build({
      dataset,
      ...(fewshot !== undefined && { fewshot }),
      name: values.name ?? basename(datasetPath, extname(datasetPath)),
      outDir: out,
      numFewshot,
      fewshotSeed,
      ...(values.license !== undefined && { license: values.license }),
    });
    writeExport(out, files, values.force ?? false);
    io.stderr.write(`reasonforge export: wrote ${files.length} files for ${format.name} to ${out}; see ${out}/README.txt\n`);
    return EXIT_OK;
  },
};
