import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, tempDir } from './support/cli.js';
import { SHARED_DATA } from './support/shared-data.js';

/**
 * Every code block of the README, run as a user would run it, in order, in
 * one folder, against the built package: `import ... from 'reasonforge'`
 * resolves to this repository's package.json exports (dist/), and
 * `npx reasonforge` runs bin/reasonforge.js (npx itself is replaced by a
 * shell function that calls the same file: npx costs about a second a call).
 *
 * What a user brings is made here, before the line that needs it: the model
 * outputs the README asks for (outputs.jsonl, answers.jsonl, p.jsonl), a
 * grader for the arbitraries example, GSM-Symbolic's templates and generated files and a GSM-Plus file (small
 * fixtures of our own in their formats), a model server for `run` (the test
 * OpenAI-compatible server, in a process of its own, stands in for every
 * `--endpoint http://localhost:PORT/v1`) and ../shared/data (linked when
 * present; the blocks that read it skip, saying why, when it is not), and
 * GNU parallel and Slurm for the shard examples (SCHEDULERS). A line's expected
 * exit status is 0 unless its comment says `# exit N:`. Blocks without a
 * language are sample output, not commands.
 */
interface Block {
  readonly language: string;
  readonly line: number;
  readonly code: string;
}

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    blocks.push({ language: open[1]!, line: start + 1, code: body.join('\n') });
  }
  return blocks;
}

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const blocks = blocksOf(README).filter((b) => b.language !== '');
const root = tempDir('readme');
const work = join(root, 'work');
const haveSharedData = existsSync(SHARED_DATA);
/** Commands for the repository itself (install, test, lint, bench, scripts): CI runs them, not this test inside the suite they start. */
const REPOSITORY_COMMANDS = /^(npm (ci|test|run)\b|npx tsx (scripts|bench)\/)/;
/** A line as the test runs it: the install that opens the first-run line is CI's, the rest is ours. */
const runnable = (line: string) => line.trim().replace(/^npm ci && /, '');

function setUp(): void {
  mkdirSync(join(work, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(work, 'package.json'), '{ "name": "readme-user", "private": true, "type": "module" }\n');
  symlinkSync(REPO, join(work, 'node_modules', 'reasonforge'));
  symlinkSync(BIN, join(work, 'node_modules', '.bin', 'reasonforge'));
  for (const dev of ['fast-check', 'tsx']) symlinkSync(join(REPO, 'node_modules', dev), join(work, 'node_modules', dev));
  mkdirSync(join(work, 'ml-gsm-symbolic'));
  symlinkSync(join(REPO, 'test', 'gsm-symbolic', 'fixtures', 'release'), join(work, 'ml-gsm-symbolic', 'templates'));
  symlinkSync(join(REPO, 'test', 'import', 'fixtures', 'gsm-symbolic'), join(work, 'ml-gsm-symbolic', 'generated_data'));
  mkdirSync(join(work, 'GSM-Plus'));
  symlinkSync(join(REPO, 'test', 'import', 'fixtures', 'gsm-plus-sample.jsonl'), join(work, 'GSM-Plus', 'test.jsonl'));
  if (haveSharedData) {
    mkdirSync(join(root, 'shared'));
    symlinkSync(SHARED_DATA, join(root, 'shared', 'data'));
  }
  // A grader to put to the test: the verifier itself.
  writeFileSync(
    join(work, 'grader.js'),
    "import { verify } from 'reasonforge/verify';\nexport const myGrader = (output, value) => verify(output, value).correct;\n",
  );
}

const records = (file: string) =>
  readFileSync(join(work, file), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; answer: string });
const writeLines = (file: string, rows: readonly object[]) => writeFileSync(join(work, file), rows.map((row) => `${JSON.stringify(row)}\n`).join(''));

/** Makes the files a line reads that the README leaves to the user (a model's outputs). */
function bring(line: string): void {
  if (line.includes('outputs.jsonl') && !existsSync(join(work, 'outputs.jsonl'))) {
    writeLines('outputs.jsonl', [
      { id: 'a', output: 'She makes $\\boxed{18}$.', expected: '18' },
      { id: 'b', output: 'So the answer is 0.33', expected: '1/3' },
    ]);
  }
  if (line.includes('answers.jsonl') && !existsSync(join(work, 'answers.jsonl'))) {
    writeLines(
      'answers.jsonl',
      records('sample.jsonl')
        .slice(0, 5)
        .map((r) => ({ id: r.id, output: `The answer is ${r.answer}.` })),
    );
  }
  if (line.startsWith('# ... run a model on test7.jsonl')) {
    // The "model": right on two items in three, in GSM8K's format.
    writeLines(
      'p.jsonl',
      records('test7.jsonl').map((r, i) => ({ id: r.id, output: `Working...\n#### ${i % 3 === 2 ? `${r.answer}1` : r.answer}` })),
    );
  }
}

/** The model server the README's `run` lines talk to, started before the blocks run. */
const modelServer: { child: ChildProcess | null; url: string } = { child: null, url: '' };

async function startModelServer(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test', 'support', 'openai-server-process.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  modelServer.child = child;
  modelServer.url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`the test model server exited with ${code}`)));
  });
}

/**
 * GNU parallel and Slurm's sbatch, stood in for by shell functions that run the
 * jobs here: `parallel CMD` runs CMD once per line of input with {} replaced,
 * all at once; `sbatch --array=A-B --wrap CMD` runs CMD once per task with
 * SLURM_ARRAY_TASK_ID set, and prints a job id. Either fails if a job fails.
 */
const SCHEDULERS = `
parallel() { local pids=() x; while read -r x; do eval "\${*//\\{\\}/$x}" & pids+=($!); done; local failed=0 p; for p in "\${pids[@]}"; do wait "$p" || failed=1; done; return $failed; }
sbatch() { local array="" wrap="" previous=""; for arg in "$@"; do case "$previous" in --wrap) wrap="$arg";; esac; case "$arg" in --array=*) array="\${arg#--array=}";; --wrap=*) wrap="\${arg#--wrap=}";; esac; previous="$arg"; done
  local first=0 last=0; if [ -n "$array" ]; then first="\${array%-*}"; last="\${array#*-}"; fi
  local i; for i in $(seq "$first" "$last"); do ( if [ -n "$array" ]; then export SLURM_ARRAY_TASK_ID=$i; fi; eval "$wrap" ) || return 1; done; echo "Submitted batch job 1"; }
`;

function shell(line: string): { status: number | null; stdout: string; stderr: string } {
  // Whatever port the README names, a user's model server is ours here.
  line = line.replace(/http:\/\/localhost:\d+\/v1/g, modelServer.url);
  const npx = `npx() { if [ "$1" = reasonforge ]; then shift; "${process.execPath}" "${BIN}" "$@"; else command npx "$@"; fi; }`;
  return spawnSync('bash', ['-c', `${npx}\n${SCHEDULERS}\n${line}`], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function runShell(block: Block): void {
  for (const raw of block.code.split('\n')) {
    const line = runnable(raw);
    if (line === '' || REPOSITORY_COMMANDS.test(line)) continue;
    if (line.startsWith('#')) {
      bring(line);
      continue;
    }
    bring(line);
    const expected = Number(/#\s*exit (\d+):/.exec(line)?.[1] ?? '0');
    const result = shell(line);
    expect(result.status, `README.md:${block.line}: ${line}\n${result.stderr}`).toBe(expected);
    if (expected === 0) expect(result.stderr, line).not.toMatch(/internal error|\n\s+at /);
  }
}

function runTypeScript(block: Block): void {
  const file = join(work, `block-${block.line}.ts`);
  writeFileSync(file, block.code);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: work, encoding: 'utf8' });
  expect(result.status, `README.md:${block.line}\n${result.stderr}`).toBe(0);
}

const needsSharedData = (block: Block) => block.code.includes('../shared/data');
const onlyRepository = (block: Block) =>
  block.code.split('\n').every((l) => runnable(l) === '' || runnable(l).startsWith('#') || REPOSITORY_COMMANDS.test(runnable(l)));
const title = (block: Block) => {
  const first =
    block.code
      .split('\n')
      .map(runnable)
      .find((l) => l !== '' && !REPOSITORY_COMMANDS.test(l)) ?? '';
  const skipped =
    needsSharedData(block) && !haveSharedData ? ` (skipped: ${SHARED_DATA} not found; CI has ../shared/data beside the repository, or set RF_SHARED_DATA)` : '';
  const repository = block.code.split('\n').some((l) => REPOSITORY_COMMANDS.test(l.trim()))
    ? ` (${onlyRepository(block) ? 'skipped' : 'not run'}: npm ci, npm test, npm run and the repository's scripts install, test and measure this repository, as CI does)`
    : '';
  return `README.md:${block.line} (${block.language}): ${first.slice(0, 70)}${repository}${skipped}`;
};

describe.sequential('the README, block by block', () => {
  beforeAll(async () => {
    setUp();
    await startModelServer();
  });
  afterAll(() => {
    modelServer.child?.kill('SIGTERM');
  });

  it('has blocks to run, each in a language the test knows', () => {
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) expect(['sh', 'ts'], `README.md:${block.line}`).toContain(block.language);
  });

  for (const block of blocks) {
    it.skipIf((needsSharedData(block) && !haveSharedData) || onlyRepository(block))(title(block), () => {
      if (block.language === 'sh') runShell(block);
      else runTypeScript(block);
    });
  }

  it('links only files the repository has, and speaks to users, not of issues or notes', () => {
    for (const [, target] of README.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)) expect(existsSync(join(REPO, target!)), `README links ${target}`).toBe(true);
    for (const file of ['docs/architecture.md', 'docs/design.md', 'LICENSE']) expect(README).toContain(file);
    expect(README).not.toMatch(/\bDESIGN\.md\b/);
    expect(README).not.toMatch(/\bthe issue\b|\bnotes of\b/i);
  });

  it('ran the first command twice without an error: it is the one a new user retries', () => {
    const first = blocks[0]!.code
      .split('\n')
      .map(runnable)
      .find((line) => line.startsWith('npx reasonforge generate'));
    expect(first, 'the first block generates').toBeDefined();
    const again = shell(first!);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(work)).toContain('sample.jsonl');
    expect(dirname(join(work, 'x'))).toBe(work);
  });
});
