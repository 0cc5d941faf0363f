import type { Reporter, TestModule } from 'vitest/node';

/**
 * A reporter that ends `npm test` with why tests were skipped, one line per
 * reason: a skipped test that says nothing looks like a passing one. The
 * reason is the note given to `skip(note)`, else the "(skipped: ...)" or
 * parenthesised text our titles carry (see test/support/shared-data.ts), else
 * the test's own title and file, so an unexplained skip shows too.
 */
export function skipReason(title: string, ancestors: readonly string[], note: string | undefined): string | null {
  if (note !== undefined && note !== '') return note;
  for (const name of [title, ...ancestors]) {
    const start = name.toLowerCase().indexOf('(skipped:');
    if (start < 0) continue;
    // To the bracket that closes it: the reason may hold brackets of its own.
    let depth = 0;
    for (let i = start; i < name.length; i++) {
      if (name[i] === '(') depth++;
      else if (name[i] === ')' && --depth === 0) return name.slice(start + '(skipped:'.length, i).trim();
    }
    return name.slice(start + '(skipped:'.length).trim();
  }
  return null;
}

export function summarizeSkips(skipped: readonly { reason: string | null; where: string }[]): string[] {
  if (skipped.length === 0) return [];
  const counts = new Map<string, number>();
  for (const test of skipped) {
    const reason = test.reason ?? `no reason given (${test.where})`;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [`Skipped ${skipped.length} test(s):`, ...[...counts].map(([reason, count]) => `  ${count} × ${reason}`)];
}

export default class SkipReasons implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: { reason: string | null; where: string }[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped') continue;
        const ancestors: string[] = [];
        for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent) ancestors.push(parent.name);
        skipped.push({ reason: skipReason(test.name, ancestors, result.note), where: `${module.moduleId.split('/test/').pop()}: ${test.name}` });
      }
    }
    const lines = summarizeSkips(skipped);
    if (lines.length > 0) process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
