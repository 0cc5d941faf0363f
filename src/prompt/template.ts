import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ReasonforgeError } from '../errors.js';
import { canonicalSolution } from '../export/dataset.js';
import type { ProblemRecord } from '../records/problem.js';

/**
 * The prompt a model sees, in one place for `reasonforge run` and for the
 * exports that write prompts (lm-eval, inspect). The default is GSM8K-style,
 * as lm-evaluation-harness's gsm8k task writes it: "Question: ...\nAnswer:",
 * each few-shot example followed by its worked solution ending in `#### N`
 * after one space, examples separated by a blank line. A user template is a
 * text file in which every `{question}` is replaced by the question; nothing
 * else in it is special, so `\boxed{}` or JSON braces stay as written.
 */
export const QUESTION_SLOT = '{question}';
export const DEFAULT_TEMPLATE_TEXT = 'Question: {question}\nAnswer:';
/** Between an example's prompt and its solution, and between examples: lm-eval's target and few-shot delimiters. */
export const TARGET_DELIMITER = ' ';
export const FEWSHOT_DELIMITER = '\n\n';

export interface PromptTemplate {
  readonly text: string;
  /** 'default', or the file it was read from. */
  readonly source: string;
  readonly sha256: string;
}

export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export function promptTemplate(text: string, source: string): PromptTemplate {
  if (!text.includes(QUESTION_SLOT)) {
    throw new ReasonforgeError('prompt-invalid', `the prompt template has no ${QUESTION_SLOT}, so every item would get the same prompt`, { file: source });
  }
  return { text, source, sha256: createHash('sha256').update(text).digest('hex') };
}

export const DEFAULT_TEMPLATE: PromptTemplate = promptTemplate(DEFAULT_TEMPLATE_TEXT, 'default');

/** Reads a template file; one final newline (editors add it) is not part of the template. */
export function loadPromptTemplate(file: string): PromptTemplate {
  if (!existsSync(file)) throw new ReasonforgeError('file-missing', 'no such file', { file });
  const text = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  return promptTemplate(text, file);
}

export function renderQuestion(template: PromptTemplate, question: string): string {
  return template.text.split(QUESTION_SLOT).join(question);
}

/** What a few-shot example shows after its prompt: the worked solution, its last line `#### <canonical answer>`. */
export function fewshotTarget(record: ProblemRecord): string {
  return canonicalSolution(record);
}

/** The whole prompt for a completions API: the examples with their solutions, then the question. */
export function completionPrompt(template: PromptTemplate, shots: readonly ProblemRecord[], question: string): string {
  const examples = shots.map((shot) => `${renderQuestion(template, shot.question)}${TARGET_DELIMITER}${fewshotTarget(shot)}${FEWSHOT_DELIMITER}`);
  return `${examples.join('')}${renderQuestion(template, question)}`;
}

/** The same prompt for a chat API: each example as a user turn and the solution as the assistant's reply. */
export function chatMessages(template: PromptTemplate, shots: readonly ProblemRecord[], question: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const shot of shots) {
    messages.push({ role: 'user', content: renderQuestion(template, shot.question) });
    messages.push({ role: 'assistant', content: fewshotTarget(shot) });
  }
  messages.push({ role: 'user', content: renderQuestion(template, question) });
  return messages;
}

/** The template in lm-evaluation-harness's Jinja form, for doc_to_text. */
export function jinjaTemplate(template: PromptTemplate): string {
  return template.text.split(QUESTION_SLOT).join('{{question}}');
}

/**
 * A worked example for prompts that ask for a last `ANSWER: <number>` line
 * (the Inspect export, scored by Inspect's match()): the solution without its
 * `####` line and without calculator annotations, then that line.
 */
export function answerLineExample(record: ProblemRecord): string {
  const steps = record.solution
    .split('\n')
    .filter((line) => !line.trim().startsWith('####'))
    .map((line) => line.replace(/<<[^<>\n]*>>/g, ''))
    .join('\n');
  return `Question: ${record.question}\n${steps}\nANSWER: ${record.answer}`;
}
