export {
  DEFAULT_TEMPLATE,
  DEFAULT_TEMPLATE_TEXT,
  QUESTION_SLOT,
  TARGET_DELIMITER,
  FEWSHOT_DELIMITER,
  promptTemplate,
  loadPromptTemplate,
  renderQuestion,
  fewshotTarget,
  completionPrompt,
  chatMessages,
  jinjaTemplate,
  answerLineExample,
  type PromptTemplate,
  type ChatMessage,
} from './template.js';
export { selectFewshot, checkFewshotDisjoint, type RecordFile } from './fewshot.js';
