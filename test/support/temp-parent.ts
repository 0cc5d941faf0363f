/**
 * One directory for the whole run's temporary files, made before any test
 * file starts and removed when the run ends: each test file's own directory
 * (temp-root.ts) lives in it. A file's own directory is removed after its
 * tests, but a file whose tests are all skipped (the real-data suites without
 * ../shared) runs no after-all hook; removing the parent catches those too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    tempParent: string;
  }
}

export default function setup(project: TestProject): () => void {
  const parent = mkdtempSync(join(tmpdir(), 'rf-test-'));
  project.provide('tempParent', parent);
  return () => rmSync(parent, { recursive: true, force: true });
}
