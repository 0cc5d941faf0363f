import { readFileSync } from 'node:fs';
import { parseJsonFile } from '../template/load.js';
import { Untranslatable } from './errors.js';

/** A line of one of the `#init:`/`#conditions:` sections, with its line in question_annotated. */
export interface SectionLine {
  readonly text: string;
  readonly line: number;
}

/** A release file taken apart: the question text, the three sections, the annotated solution, and the original problem. */
export interface AnnotatedSource {
  readonly file: string;
  readonly question: string;
  readonly init: readonly SectionLine[];
  readonly conditions: readonly SectionLine[];
  readonly answer: SectionLine;
  readonly solution: string;
  /** The original problem the template was made from, when the file has it. */
  readonly originalQuestion: string | null;
  readonly originalAnswer: string | null;
  /** Departures from the documented format that were read anyway. */
  readonly drift: readonly string[];
}

const SECTION = /^#\s*(init|conditions|answer)\s*(:|=)?\s*(.*)$/;

/**
 * Reads one GSM-Symbolic template file. `question_annotated` is the question
 * with `{name,default}` slots followed by `#init:`, `#conditions:` and
 * `#answer:` sections; the release also writes `#answer =`, which is read
 * and noted as drift.
 */
export function readAnnotatedSource(file: string): AnnotatedSource {
  const raw = parseJsonFile(file, readFileSync(file, 'utf8'));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Untranslatable('a file that is not a JSON object', file);
  const data = raw as Record<string, unknown>;
  const annotated = data['question_annotated'];
  const solution = data['answer_annotated'];
  if (typeof annotated !== 'string') throw new Untranslatable('a file without "question_annotated"', 'the file');
  if (typeof solution !== 'string') throw new Untranslatable('a file without "answer_annotated"', 'the file');

  const drift: string[] = [];
  const lines = annotated.split('\n');
  const questionLines: string[] = [];
  const sections: Record<'init' | 'conditions' | 'answer', SectionLine[]> = { init: [], conditions: [], answer: [] };
  let current: keyof typeof sections | null = null;
  lines.forEach((text, index) => {
    const lineNumber = index + 1;
    const header = SECTION.exec(text.trim());
    if (header !== null) {
      current = header[1] as keyof typeof sections;
      if (current === 'answer' && header[2] === '=') drift.push(`line ${lineNumber}: "#answer =" read as "#answer:"`);
      else if (header[2] === undefined) drift.push(`line ${lineNumber}: "#${current}" without a colon`);
      const rest = header[3]!.trim();
      if (rest !== '') sections[current].push({ text: rest, line: lineNumber });
      return;
    }
    if (current === null) {
      questionLines.push(text);
      return;
    }
    const trimmed = text.trim();
    if (trimmed === '') return;
    const item = trimmed.startsWith('-') ? trimmed.slice(1).trim() : trimmed;
    if (!trimmed.startsWith('-') && current !== 'answer' && sections[current].length > 0) {
      // A line without "-" continues the previous entry.
      const previous = sections[current].pop()!;
      sections[current].push({ text: `${previous.text} ${item}`, line: previous.line });
      return;
    }
    sections[current].push({ text: item, line: lineNumber });
  });
  if (sections.init.length === 0) throw new Untranslatable('a template without an "#init:" section', 'question_annotated');
  if (sections.answer.length === 0) throw new Untranslatable('a template without an "#answer:" expression', 'question_annotated');
  let answerText = sections.answer
    .map((l) => l.text)
    .join(' ')
    .trim();
  // Drift: an answer written as a text slot ({expr}) or with the $ mark of a number ($ans).
  const slot = /^\{([^{}]+)\}$/.exec(answerText);
  if (slot !== null) {
    answerText = slot[1]!.trim();
    drift.push(`line ${sections.answer[0]!.line}: "#answer: {...}" read without its braces`);
  }
  if (/^\$[A-Za-z_]/.test(answerText)) {
    answerText = answerText.slice(1);
    drift.push(`line ${sections.answer[0]!.line}: "#answer: $name" read without the $`);
  }
  const answer: SectionLine = { text: answerText, line: sections.answer[0]!.line };
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  return {
    file,
    question: questionLines.join('\n').trim(),
    init: sections.init,
    conditions: sections.conditions,
    answer,
    solution: solution.trim(),
    originalQuestion: text('question'),
    originalAnswer: text('answer'),
    drift,
  };
}
