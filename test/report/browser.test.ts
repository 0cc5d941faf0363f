import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import type { Metrics } from '../../src/score/metrics.js';
import { CHROMIUM_SKIP_REASON, chromiumAvailable, openInChromium, type OpenedPage } from '../support/chromium.js';
import { REPO } from '../support/cli.js';
import { fixtureMetrics } from './fixture.js';

/**
 * Opens report.html in headless Chromium (Debian's chromium, driven by
 * playwright-core) and checks what a reader would see: every chart drawn
 * with its marks, nothing fetched from anywhere, no console error. Saves a
 * screenshot to tmp/report-screenshot.png.
 */
if (!chromiumAvailable) console.warn(`report browser test ${CHROMIUM_SKIP_REASON}`);

describe.skipIf(!chromiumAvailable)(`report.html in headless Chromium${chromiumAvailable ? '' : ` (${CHROMIUM_SKIP_REASON})`}`, () => {
  let opened: OpenedPage | undefined;
  let metrics: Metrics;
  let page: Page;
  let problems: string[] = [];
  let requests: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'rf-browser-'));

  beforeAll(async () => {
    metrics = await fixtureMetrics({ templates: 8, sets: 20 });
    const file = join(dir, 'report.html');
    writeFileSync(file, await renderHtml(metrics));
    opened = await openInChromium(file, (type) => type === 'error' || type === 'warning');
    ({ page, problems, requests } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws every chart, each with its marks painted at a real size', async () => {
    const variants = Object.keys(metrics.by_variant).length;
    const templates = Object.keys(metrics.by_template).length;
    const ks = metrics.options.k.length;
    const drawn = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const box = f.querySelector('svg')?.getBoundingClientRect();
        // Marks by the role vega gives them, counted only when the page painted them with an area
        // (a line or a rule may be flat: for those, one side is enough).
        const painted = (role: string) =>
          [...f.querySelectorAll(`[aria-roledescription="${role}"]`)].filter((m) => {
            const r = m.getBoundingClientRect();
            return role === 'line mark' || role === 'rule mark' || role === 'errorbar' ? r.width > 0 || r.height > 0 : r.width > 0 && r.height > 0;
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
          rects: painted('rect mark'),
          texts: painted('text mark'),
        };
      }),
    );
    expect(drawn.map((d) => d.id)).toEqual(['pass-at-k', 'accuracy', 'spread', 'heatmap']);
    for (const chart of drawn) {
      expect(chart.width, chart.id!).toBeGreaterThan(300);
      expect(chart.height, chart.id!).toBeGreaterThan(150);
    }
    const [passAtK, accuracy, spread, heatmap] = drawn;
    expect(passAtK).toMatchObject({ lines: variants, points: variants * ks });
    expect(accuracy).toMatchObject({ bars: variants, errorbars: variants, texts: variants });
    // One bar per non-empty bin (an empty bin has zero height), one mean rule per variant.
    const bins = Object.values(metrics.spread).reduce((a, s) => a + s.histogram.bins.filter((b) => b.count > 0).length, 0);
    expect(spread).toMatchObject({ bars: bins, rules: variants });
    expect(heatmap).toMatchObject({ rects: variants * templates, texts: variants * templates });
  });

  it('fetches nothing but the page itself and logs no console error or warning', () => {
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('renders the tables and saves a full-page screenshot', async () => {
    const tables = await page.$$eval('section.table table', (list) => list.length);
    expect(tables).toBe(7);
    const out = join(REPO, 'tmp');
    mkdirSync(out, { recursive: true });
    const path = join(out, 'report-screenshot.png');
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
  });
});
