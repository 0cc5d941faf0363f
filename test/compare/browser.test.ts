import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareModels, type Comparison } from '../../src/compare/compare.js';
import { renderComparisonHtml } from '../../src/compare/html.js';
import { loadComparison, parseModelSpecs } from '../../src/compare/inputs.js';
import { CHROMIUM_SKIP_REASON, chromiumAvailable, openInChromium, type OpenedPage } from '../support/chromium.js';
import { REPO } from '../support/cli.js';
import { writeCompareFixture } from './fixture.js';

/**
 * Opens compare.html in headless Chromium, as test/report/browser.test.ts
 * does report.html: every chart drawn with its marks, nothing fetched, no
 * console message; a screenshot goes to tmp/compare-screenshot.png.
 */
if (!chromiumAvailable) console.warn(`compare browser test ${CHROMIUM_SKIP_REASON}`);

describe.skipIf(!chromiumAvailable)(`compare.html in headless Chromium${chromiumAvailable ? '' : ` (${CHROMIUM_SKIP_REASON})`}`, () => {
  let opened: OpenedPage | undefined;
  let comparison: Comparison;
  let page: Page;
  let problems: string[] = [];
  let requests: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'rf-compare-browser-'));

  beforeAll(async () => {
    const fixture = await writeCompareFixture({ sets: 6 });
    comparison = compareModels(loadComparison(parseModelSpecs([`RL=${fixture.metrics['rl']![0]}`, `BASE=${fixture.metrics['base']!.join(',')}`])), {
      bootstrap: 200,
      permutations: 500,
      seed: 1,
      confidence: 0.95,
    });
    const file = join(dir, 'compare.html');
    writeFileSync(file, await renderComparisonHtml(comparison));
    opened = await openInChromium(file);
    ({ page, problems, requests } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws every chart with its marks painted', async () => {
    const drawn = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const box = f.querySelector('svg')?.getBoundingClientRect();
        const painted = (role: string) =>
          [...f.querySelectorAll(`[aria-roledescription="${role}"]`)].filter((m) => {
            const r = m.getBoundingClientRect();
            return role === 'line mark' || role === 'rule mark' || role === 'errorbar' || role === 'tick'
              ? r.width > 0 || r.height > 0
              : r.width > 0 && r.height > 0;
          }).length;
        return {
          id: f.getAttribute('data-chart'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          lines: painted('line mark'),
          points: painted('point'),
          bars: painted('bar'),
          errorbars: painted('errorbar'),
          rules: painted('rule mark'),
          ticks: painted('tick'),
        };
      }),
    );
    expect(drawn.map((d) => d.id)).toEqual(['curves-pass-k', 'curves-cot-pass-k', 'curves-maj-k', 'difference-1', 'drops', 'coverage', 'runs']);
    for (const chart of drawn) {
      expect(chart.width, chart.id!).toBeGreaterThan(250);
      expect(chart.height, chart.id!).toBeGreaterThan(100);
    }
    const byId = Object.fromEntries(drawn.map((d) => [d.id, d]));
    const ks = comparison.overall.pass_at_k.ks.length;
    const majKs = comparison.overall.maj_at_k!.ks.length;
    const crossings = [comparison.overall.pass_at_k, comparison.overall.cot_pass_at_k, comparison.overall.maj_at_k!].map(
      (f) => f.pairs.filter((p) => p.crossover.k !== null).length,
    );
    expect(byId['curves-pass-k']).toMatchObject({ lines: 2, points: 2 * ks, rules: crossings[0] });
    expect(byId['curves-cot-pass-k']).toMatchObject({ lines: 2, points: 2 * ks, rules: crossings[1] });
    expect(byId['curves-maj-k']).toMatchObject({ lines: 2, points: 2 * majKs, rules: crossings[2] });
    // Three metrics' differences, and the zero line.
    expect(byId['difference-1']).toMatchObject({ lines: 3, points: 2 * ks + majKs, rules: 1 });
    expect(byId['drops']).toMatchObject({ bars: 2 * comparison.drops.length, errorbars: 2 * comparison.drops.length });
    expect(byId['coverage']!.errorbars).toBe(2);
    expect(byId['runs']).toMatchObject({ points: 2, ticks: 2 });
  });

  it('fetches nothing but the page itself and logs nothing to the console', () => {
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the sentences and the tables, and saves a full-page screenshot', async () => {
    const sentences = await page.$$eval('section.headlines li', (list) => list.map((li) => li.textContent ?? ''));
    expect(sentences.some((s) => /overtakes RL on pass@k at k = \d+/.test(s))).toBe(true);
    expect(await page.$$eval('section.table table', (list) => list.length)).toBe(8);
    const out = join(REPO, 'tmp');
    mkdirSync(out, { recursive: true });
    const path = join(out, 'compare-screenshot.png');
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
  });
});
