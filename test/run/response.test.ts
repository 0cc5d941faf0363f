import { describe, expect, it } from 'vitest';
import { errorMessage, parseCompletionResponse } from '../../src/run/response.js';

describe('parseCompletionResponse', () => {
  it('reads chat choices in index order, with finish reasons, reasoning and usage', () => {
    const body = JSON.stringify({
      choices: [
        { index: 1, message: { role: 'assistant', content: 'second' }, finish_reason: 'length' },
        { index: 0, message: { role: 'assistant', content: 'first', reasoning_content: 'thinking' }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 7, total_tokens: 17 },
    });
    expect(parseCompletionResponse('chat', body)).toEqual({
      ok: true,
      choices: [
        { text: 'first', finishReason: 'stop', reasoning: 'thinking' },
        { text: 'second', finishReason: 'length', reasoning: null },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 7, total_tokens: 17 },
    });
  });

  it('reads completions text, and lives without usage, index or finish_reason', () => {
    expect(parseCompletionResponse('completions', '{"choices":[{"text":"42"}]}')).toEqual({
      ok: true,
      choices: [{ text: '42', finishReason: null, reasoning: null }],
      usage: null,
    });
  });

  it('takes a reasoning model that spent every token thinking as an empty answer', () => {
    const body = JSON.stringify({ choices: [{ message: { content: null, reasoning: 'so far...' }, finish_reason: 'length' }] });
    expect(parseCompletionResponse('chat', body)).toMatchObject({ ok: true, choices: [{ text: '', finishReason: 'length', reasoning: 'so far...' }] });
  });

  it.each([
    ['{"choices": [ {"text": "unterminated', /not JSON/],
    ['[1, 2]', /not a JSON object/],
    ['{"choices": []}', /no "choices"/],
    ['{"object": "error"}', /no "choices"/],
    ['{"choices": [7]}', /choices\[0\] is not an object/],
    ['{"choices": [{"message": {"content": 3}}]}', /choices\[0\] has no message\.content string/],
  ])('calls %s malformed, saying why', (body, why) => {
    const parsed = parseCompletionResponse('chat', body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(why);
  });

  it('wants text, not message, from the completions API', () => {
    expect(parseCompletionResponse('completions', '{"choices":[{"message":{"content":"x"}}]}')).toMatchObject({
      ok: false,
      message: 'choices[0] has no text string',
    });
  });
});

describe('errorMessage', () => {
  it.each([
    ['{"error": {"message": "model not found", "type": "x"}}', 'model not found'],
    ['{"error": "rate limited"}', 'rate limited'],
    ['{"detail": "Not Found"}', 'Not Found'],
    ['<html>Bad Gateway</html>', '"<html>Bad Gateway</html>"'],
  ])('reads %s as %s', (body, message) => {
    expect(errorMessage(body)).toBe(message);
  });

  it('puts a long or pretty-printed message on one cut line, quoting only a body that is not a message', () => {
    const long = `first\n\t${'word '.repeat(100)}`;
    const fromJson = errorMessage(JSON.stringify({ error: { message: long } }));
    expect(fromJson).toBe(`${`first ${'word '.repeat(100)}`.slice(0, 300)}…`);
    const fromHtml = errorMessage(`<html>\n  ${'x'.repeat(400)}</html>`);
    expect(fromHtml).toBe(`${JSON.stringify(`<html> ${'x'.repeat(400)}`.slice(0, 160))}…`);
    expect(errorMessage(`  <p>\n\nshort</p>  `)).toBe('"<p> short</p>"');
  });
});
