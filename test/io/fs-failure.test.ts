import { describe, expect, it } from 'vitest';
import { describeFsFailure } from '../../src/io/fs-failure.js';

describe('describeFsFailure', () => {
  it("puts Node's words first and the code after", () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(describeFsFailure(error)).toBe('no space left on device (ENOSPC)');
  });

  it('falls back to the code, or to the message when there is no code', () => {
    expect(describeFsFailure(Object.assign(new Error('odd'), { code: 'EIO' }))).toBe('EIO');
    expect(describeFsFailure(new Error('something else'))).toBe('something else');
  });
});
