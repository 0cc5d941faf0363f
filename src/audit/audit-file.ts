import { readLines, parseJsonLine } from '../io/jsonl.js';
import { auditRecord } from './audit-record.js';
import type { AuditCheckers } from './checker.js';
import { FINDING_CODES, finding, type Finding, type FindingCode } from './findings.js';

export interface AuditReport {
  readonly file: string;
  /** Non-blank lines read. */
  readonly lines: number;
  readonly annotations: number;
  readonly statedRoundings: number;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  readonly byCode: Readonly<Partial<Record<FindingCode, number>>>;
}

/**
 * Audits a GSM8K-format JSONL file line by line (see auditRecord), plus one
 * observation across lines: a question asked twice. Findings come back in
 * line order.
 */
export async function auditFile(file: string, checkers: AuditCheckers): Promise<AuditReport> {
  const findings: Finding[] = [];
  const questions = new Map<string, number>();
  let lines = 0;
  let annotations = 0;
  let statedRoundings = 0;
  for await (const { number, text } of readLines(file)) {
    if (text.trim() === '') continue;
    lines++;
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      findings.push(finding(number, 'invalid-json', parsed.message));
      continue;
    }
    const audit = auditRecord(parsed.value, number, checkers);
    findings.push(...audit.findings);
    annotations += audit.annotations;
    statedRoundings += audit.statedRoundings;
    const question = (parsed.value as { question?: unknown } | null)?.question;
    if (typeof question === 'string') {
      const key = question.trim().replace(/\s+/g, ' ');
      const first = questions.get(key);
      if (first !== undefined) findings.push(finding(number, 'duplicate-question', `the same question as line ${first}`));
      else questions.set(key, number);
    }
  }
  const byCode: Partial<Record<FindingCode, number>> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { file, lines, annotations, statedRoundings, findings, errors, warnings: findings.length - errors, byCode };
}

/** One sentence: how much was read and what was found, by kind. */
export function summarize(report: AuditReport): string {
  const kinds = (severity: 'error' | 'warning') =>
    (Object.keys(FINDING_CODES) as FindingCode[])
      .filter((code) => FINDING_CODES[code] === severity && (report.byCode[code] ?? 0) > 0)
      .map((code) => `${report.byCode[code]} ${code}`)
      .join(', ');
  const errors = report.errors === 0 ? 'no errors' : `${report.errors} error(s) (${kinds('error')})`;
  const warnings = report.warnings === 0 ? 'no warnings' : `${report.warnings} warning(s) (${kinds('warning')})`;
  const rounded = report.statedRoundings > 0 ? `, ${report.statedRoundings} stated rounding(s) accepted` : '';
  return `${report.file}: ${report.lines} lines, ${report.annotations} annotations checked${rounded}; ${errors}; ${warnings}`;
}
