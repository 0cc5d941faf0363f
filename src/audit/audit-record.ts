import { findFinalAnswer } from '../import/final-answer.js';
import type { AuditCheckers } from './checker.js';
import { finding, type Finding } from './findings.js';
import { lineAt, statesRounding } from './rounding.js';

export interface RecordAudit {
  readonly findings: Finding[];
  /** Annotations read on this line. */
  readonly annotations: number;
  /** Annotations accepted as roundings the solution states. */
  readonly statedRoundings: number;
}

/**
 * Audits one GSM8K-format object: the arithmetic of every annotation (exact,
 * or a rounding the solution or question states), a final `####` answer that
 * is a number, and observations: an answer no annotation computes, a
 * solution without annotations, text after the final answer, and (with a
 * prose checker) arithmetic claimed in the prose that does not hold.
 */
export function auditRecord(value: unknown, line: number, checkers: AuditCheckers): RecordAudit {
  const findings: Finding[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { findings: [finding(line, 'missing-field', 'expected a JSON object with "question" and "answer"')], annotations: 0, statedRoundings: 0 };
  }
  const raw = value as Record<string, unknown>;
  const question = raw['question'];
  const solution = raw['answer'];
  if (typeof question !== 'string') findings.push(finding(line, 'missing-field', 'no "question" string'));
  if (typeof solution !== 'string') {
    findings.push(finding(line, 'missing-field', 'no "answer" string (the worked solution ending in "#### N")'));
    return { findings, annotations: 0, statedRoundings: 0 };
  }

  const final = findFinalAnswer(solution);
  if (final === null) findings.push(finding(line, 'no-final-answer', 'no final "#### N" line'));
  else if (final.canonical === null) findings.push(finding(line, 'final-answer-not-a-number', `the final answer "${final.text}" is not a number`));
  else {
    const after = solution
      .split('\n')
      .slice(final.lineIndex + 1)
      .join('\n')
      .trim();
    if (after !== '') findings.push(finding(line, 'text-after-final-answer', `text follows the final answer: "${clip(after)}"`));
  }

  const annotations = checkers.annotations(solution);
  const computed = new Set<string>();
  let statedRoundings = 0;
  for (const a of annotations) {
    if (a.value !== null) computed.add(a.value);
    const claimed = a.claimed.trim();
    if (claimed !== '') computed.add(claimed);
    switch (a.verdict) {
      case 'exact':
        break;
      case 'rounded':
      case 'truncated': {
        const said = statesRounding(lineAt(solution, a.start)) || (typeof question === 'string' && statesRounding(question));
        if (said) statedRoundings++;
        else {
          const how = a.verdict === 'rounded' ? 'rounds' : 'cuts off';
          findings.push(finding(line, 'unstated-rounding', `${a.text} ${how} ${a.expr} = ${a.value} to ${claimed}, and the solution does not say it rounds`));
        }
        break;
      }
      case 'wrong':
        findings.push(finding(line, 'wrong-arithmetic', `${a.text} is wrong: ${a.expr} = ${a.value}, not ${claimed}`));
        break;
      case 'unparseable':
        findings.push(
          finding(line, 'unreadable-annotation', `${a.text} cannot be read as arithmetic${a.error === undefined ? '' : ` (${a.error})`}; not checked`),
        );
        break;
    }
  }
  if (annotations.length === 0) findings.push(finding(line, 'no-annotations', 'the solution has no <<...>> annotation to check'));
  else if (final?.canonical != null && !computed.has(final.canonical)) {
    const last = annotations[annotations.length - 1]!;
    findings.push(
      finding(
        line,
        'answer-not-computed',
        `no annotation computes the final answer ${final.canonical} (the last, ${last.text}, gives ${last.value ?? last.claimed})`,
      ),
    );
  }
  for (const claim of checkers.prose?.(solution) ?? []) {
    findings.push(finding(line, 'wrong-prose-arithmetic', `the prose claims "${clip(claim.text)}", but that is ${claim.actual}`));
  }
  return { findings, annotations: annotations.length, statedRoundings };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
