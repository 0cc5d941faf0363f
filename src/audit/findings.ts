/** One thing the audit found on one line of a GSM8K-format file. */
export type Severity = 'error' | 'warning';

/**
 * Errors make the audit fail: arithmetic that is wrong (or rounded without the
 * solution saying so), and a line without a usable final answer. Warnings are
 * observations worth a look that leave the exit code alone.
 */
export const FINDING_CODES = {
  'invalid-json': 'error',
  'missing-field': 'error',
  'no-final-answer': 'error',
  'final-answer-not-a-number': 'error',
  'wrong-arithmetic': 'error',
  'unstated-rounding': 'error',
  'unreadable-annotation': 'warning',
  'answer-not-computed': 'warning',
  'wrong-prose-arithmetic': 'warning',
  'no-annotations': 'warning',
  'text-after-final-answer': 'warning',
  'duplicate-question': 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

export interface Finding {
  /** 1-based line of the file. */
  readonly line: number;
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
}

export function finding(line: number, code: FindingCode, message: string): Finding {
  return { line, code, severity: FINDING_CODES[code], message };
}

/** `FILE:LINE: error: message`, the form compilers and linters print. */
export function formatFinding(file: string, f: Finding): string {
  return `${file}:${f.line}: ${f.severity}: ${f.message}`;
}
