import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StreamWriter } from '../../src/cli/stream-writer.js';

describe('StreamWriter', () => {
  it('keeps no buffer of the caller: bytes a stream still holds are not changed when the caller reuses its buffer', async () => {
    const received: Buffer[] = [];
    const callbacks: (() => void)[] = [];
    // A slow stream: it holds each chunk until it is told to go on.
    const stream = new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        callbacks.push(done);
      },
    });
    const writer = new StreamWriter(stream);
    const buffer = Buffer.from('first\n');
    await writer.write(buffer);
    buffer.write('again\n');
    await writer.write(buffer);
    for (const done of callbacks) done();
    expect(Buffer.concat(received).toString()).toBe('first\nagain\n');
  });

  it('reuses the buffer of a copy once the stream is done with it', async () => {
    const received: Buffer[] = [];
    const texts: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        texts.push(chunk.toString());
        done();
      },
    });
    const writer = new StreamWriter(stream);
    await writer.write(Buffer.from('first\n'));
    // The stream's callback runs on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    await writer.write(Buffer.from('again\n'));
    expect(texts).toEqual(['first\n', 'again\n']);
    expect(received[1]!.buffer).toBe(received[0]!.buffer);
  });
});
