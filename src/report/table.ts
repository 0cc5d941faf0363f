import type { Table } from './tables.js';

/** A table as plain aligned text, for a terminal: no borders, two spaces between columns. */
export function textTable(table: Table): string {
  const all = [table.headers, ...table.rows];
  const widths = table.headers.map((_, c) => Math.max(...all.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: readonly string[]) =>
    row
      .map((value, c) => {
        const pad = ' '.repeat(widths[c]! - [...value].length);
        return table.align[c] === 'r' ? pad + value : value + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(table.headers), rule, ...table.rows.map(line)].join('\n') + '\n';
}

/** A GitHub-flavoured Markdown table; pipes in cells are escaped. */
export function markdownTable(table: Table): string {
  const esc = (value: string) => value.replace(/\|/g, '\\|');
  const header = `| ${table.headers.map(esc).join(' | ')} |`;
  const rule = `|${table.align.map((a) => (a === 'r' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [header, rule, ...table.rows.map((row) => `| ${row.map(esc).join(' | ')} |`)].join('\n') + '\n';
}
