import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATORS_DIR } from '../../src/template/load.js';
import { spawnSync } from 'node:child_process';
import { BIN, cli, REPO } from '../support/cli.js';
import { fixtureSpec } from '../support/spec.js';

describe('reasonforge list, show, validate, lint', () => {
  it('lists templates as a table and as JSON', () => {
    const json = JSON.parse(cli(['list', '--json']).stdout) as { id: string; topic: string; steps: number; variants: string[] }[];
    expect(json.length).toBeGreaterThan(0);
    for (const row of json) expect(row.variants).toContain('base');
    const table = cli(['list']).stdout;
    expect(table).toContain(json[0]!.id);
    expect(table).toMatch(new RegExp(`${json.length} templates\\n$`));
  });

  it('shows one item by id, regenerated from the id alone', () => {
    const line = cli(['generate', '--seed', '4', '--sets', '3', '--variants', 'noop']).stdout.split('\n')[2]!;
    const record = JSON.parse(line);
    const shown = cli(['show', record.id]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(record.question);
    expect(shown.stdout).toContain(`Answer: ${record.answer}`);
    expect(JSON.parse(cli(['show', record.id, '--json']).stdout)).toEqual(record);
    expect(cli(['show', 'not-an-id']).stderr).toMatch(/is not an item id/);
  });

  it('validates a clean file with exit 0 and reports defects as FILE:LINE with exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-val-'));
    const good = join(dir, 'good.jsonl');
    const text = cli(['generate', '--seed', '2', '--sets', '2', '--variants', 'base,names,noop,p1']).stdout;
    writeFileSync(good, text);
    const ok = cli(['validate', good]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(/no defects/);
    const lines = text.trimEnd().split('\n');
    const broken = JSON.parse(lines[1]!);
    broken.answer = String(Number(broken.answer) + 1);
    lines[1] = JSON.stringify(broken);
    lines.splice(3, 0, '{"half": ');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const result = cli(['validate', bad]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${bad}:2: the answer is ${broken.answer}`);
    expect(result.stdout).toContain(`${bad}:4: not valid JSON`);
  });

  it('validates output made from GSM-Symbolic templates when told where they are', () => {
    const release = join(REPO, 'test', 'gsm-symbolic', 'fixtures', 'release');
    const dir = mkdtempSync(join(tmpdir(), 'rf-val-'));
    const file = join(dir, 'gs.jsonl');
    writeFileSync(file, cli(['generate', '--from-gsm-symbolic', release, '--seed', '1', '--sets', '2', '--variants', 'base,names,numbers']).stdout);
    const without = cli(['validate', file]);
    expect(without.status).toBe(1);
    expect(without.stdout).toMatch(/unknown template "gsm-symbolic\/[^"]+"; records made from GSM-Symbolic templates need --from-gsm-symbolic DIR/);
    const withRelease = cli(['validate', file, '--from-gsm-symbolic', release]);
    expect(withRelease.status).toBe(0);
    expect(withRelease.stderr).toMatch(/\d+ records, no defects/);
  });

  it('picks GSM-Symbolic templates by their own ids with --templates, not by ours', () => {
    const release = join(REPO, 'test', 'gsm-symbolic', 'fixtures', 'release');
    const args = ['generate', '--from-gsm-symbolic', release, '--seed', '1', '--sets', '2', '--variants', 'base'];
    const picked = cli([...args, '--templates', 'gsm-symbolic/symbolic/0001']);
    expect(picked.status, picked.stderr).toBe(0);
    const ids = new Set(
      picked.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { template: { id: string } }).template.id),
    );
    expect([...ids]).toEqual(['gsm-symbolic/symbolic/0001']);
    expect(picked.stderr).toContain('1 of the 1 selected GSM-Symbolic templates generate');
    const ours = cli([...args, '--templates', JSON.parse(cli(['list', '--json']).stdout)[0].id as string]);
    expect(ours.status).toBe(2);
    expect(ours.stderr).toMatch(/unknown template "[^"]+"; valid templates: gsm-symbolic\//);
  });

  it('lints a template and fails a generators folder with a broken one, naming file and pointer', () => {
    const id = JSON.parse(cli(['list', '--json']).stdout)[0].id as string;
    const ok = cli(['lint', '--templates', id, '--samples', '50']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`^ok +${id} +acceptance`, 'm'));

    const dir = mkdtempSync(join(tmpdir(), 'rf-lint-'));
    cpSync(join(DEFAULT_GENERATORS_DIR, 'pools'), join(dir, 'pools'), { recursive: true });
    writeFileSync(join(dir, 'good.json'), JSON.stringify(fixtureSpec()));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ ...fixtureSpec(), id: 'bad-one', variables: { ...fixtureSpec().variables, unused: { int: [1, 2] } } }),
    );
    const failed = cli(['lint', '--generators', dir, '--samples', '50']);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain(`FAIL  ${join(dir, 'bad.json')}#/variables/unused: the variable "unused" is never used`);
    expect(failed.stdout).toMatch(/^ok +fixture-marbles/m);
    expect(failed.stdout).toMatch(/2 templates, 1 failing/);
    const one = cli(['lint', '--generators', dir, '--samples', '50', '--templates', 'bad']);
    expect(one.status).toBe(1);
    expect(one.stdout).toBe(`FAIL  ${join(dir, 'bad.json')}#/variables/unused: the variable "unused" is never used\n1 templates, 1 failing\n`);
  });

  it('ends quietly when the reader of its output goes away', () => {
    const result = spawnSync('sh', ['-c', `node ${BIN} lint --samples 20 | head -1; node ${BIN} list | head -1`], { cwd: REPO, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('prints help for every command and usage errors with exit 2', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['generate', 'list', 'show', 'validate', 'lint']) {
      expect(help.stdout).toContain(`  ${command}`);
      const usage = cli([command, '--help']);
      expect(usage.status).toBe(0);
      expect(usage.stdout).toMatch(new RegExp(`^Usage:\\s+reasonforge ${command}`));
    }
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['frobnicate']).stderr).toMatch(/unknown command "frobnicate" Commands: generate, list/);
  });
});
