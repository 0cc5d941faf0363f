import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(isTTY: boolean, total: number): Promise<string> {
  const out = sink();
  const progress = new Progress(out.stream, isTTY, total, 'generate');
  for (let i = 0; i < total; i++) {
    progress.tick();
    // Let the clock move so the bar may redraw (it redraws at most every 100 ms).
    if (i % 20_000 === 0) await new Promise((done) => setTimeout(done, 110));
  }
  progress.finish();
  await new Promise((done) => setImmediate(done));
  return out.text();
}

describe('Progress', () => {
  it('draws a bar on a terminal for a long run, and clears it at the end', async () => {
    const text = await run(true, 100_000);
    expect(text).toMatch(/\rgenerate \[#+ *\] +\d+% [\d,]+\/100,000/);
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('prints nothing when stderr is not a terminal', async () => {
    expect(await run(false, 100_000)).toBe('');
  });

  it('prints nothing for a short run even on a terminal', async () => {
    expect(await run(true, 500)).toBe('');
  });
});
