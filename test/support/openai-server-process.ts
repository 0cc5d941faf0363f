/**
 * The test OpenAI-compatible server in a process of its own, for tests that
 * run commands synchronously (the README's blocks): prints its API base on
 * the first line of stdout and answers until it is killed. The "model"
 * answers with one of the numbers of the question, picked by the request's
 * seed and the choice, so some answers are right and samples differ.
 */
import { questionOf, startFakeServer } from './openai-server.js';

const server = await startFakeServer({
  answer: (request, choice) => {
    const numbers = questionOf(request.prompt).match(/\d+(?:\.\d+)?/g) ?? ['0'];
    const seed = typeof request.body['seed'] === 'number' ? request.body['seed'] : 0;
    return { text: `Working through the numbers.\n#### ${numbers[(seed + choice) % numbers.length]!}` };
  },
});
process.stdout.write(`${server.url}\n`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
