import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

/** Debian's chromium, driven by playwright-core: the browser the page tests open our HTML in. */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const CHROMIUM_SKIP_REASON = `SKIPPED: ${CHROMIUM} not found; install it (apt-get install -y chromium) to run the browser test`;

export interface OpenedPage {
  readonly page: Page;
  /** Console messages the test keeps, and uncaught page errors. */
  readonly problems: string[];
  /** Every URL the page asked for, itself included. */
  readonly requests: string[];
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Opens a local HTML file in headless Chromium with a throwaway profile, recording what a test checks. */
export async function openInChromium(file: string, keepConsole: (type: string) => boolean = () => true): Promise<OpenedPage> {
  const profile = mkdtempSync(join(tmpdir(), 'rf-chromium-'));
  const problems: string[] = [];
  const requests: string[] = [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (keepConsole(message.type())) problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems, requests, close };
  } catch (error) {
    await close();
    throw error;
  }
}
