import { stringify } from 'yaml';

/**
 * YAML for tool configs: no line folding (a folded regex or prompt is a
 * different regex or prompt), quoting chosen by the library so that every
 * string reads back exactly, and an optional leading comment.
 */
export function toYaml(value: unknown, comment?: string): string {
  const body = stringify(value, { lineWidth: 0, minContentWidth: 0 });
  if (comment === undefined) return body;
  const header = comment
    .split('\n')
    .map((line) => (line === '' ? '#' : `# ${line}`))
    .join('\n');
  return `${header}\n${body}`;
}
