import type { Command } from "../command.js"; export const exportCommand: Command = { name: "export", summary: "todo", usage: "todo", async run() { return 2; } };
