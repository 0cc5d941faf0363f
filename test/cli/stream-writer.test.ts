import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hasStreamWriter, StreamWriter } from '../../src/cli/stream-writer.js';

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

describe('StreamWriter failures', () => {
  const failing = (code: string) =>
    new Writable({
      write(_chunk: Buffer, _encoding, done) {
        const error = Object.assign(new Error(`${code}: no space left on device, write`), { code });
        done(error);
      },
    });

  it('turns a failed write into one line, thrown by the next write and by check', async () => {
    const writer = new StreamWriter(failing('ENOSPC'));
    await writer.write(Buffer.from('first\n'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.isClosed).toBe(true);
    await expect(writer.write('more\n')).rejects.toThrow('standard output cannot be written: no space left on device (ENOSPC)');
    expect(() => writer.check()).toThrow('standard output cannot be written: no space left on device (ENOSPC)');
  });

  it('registers the stream it writes to, whose failures it reports, and no other', () => {
    const stream = failing('ENOSPC');
    const other = failing('ENOSPC');
    expect(hasStreamWriter(stream)).toBe(false);
    new StreamWriter(stream);
    expect(hasStreamWriter(stream)).toBe(true);
    expect(hasStreamWriter(other)).toBe(false);
  });

  it('ends quietly when the reader goes away', async () => {
    const writer = new StreamWriter(failing('EPIPE'));
    await writer.write('first\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.isClosed).toBe(true);
    await writer.write('more\n');
    expect(() => writer.check()).not.toThrow();
  });
});
