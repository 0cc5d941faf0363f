import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';

describe('the command registry', () => {
  it('loads, for each name, the command of that name, with usage text', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.usage).toMatch(new RegExp(`^Usage:\\s+reasonforge ${entry.name}`));
      expect(command.summary.length).toBeGreaterThan(10);
    }
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  });
});
