import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ofKind, runScript } from '../support/sim.js';

/** A fake OpenAI-compatible endpoint on 127.0.0.1; `reply` decides each answer. */
let reply: (res: import('node:http').ServerResponse) => void;
let server: Server;
let calls = 0;
let baseURL = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      reply(res);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

const answer = (content: object) => (res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'fake', choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(content) }, finish_reason: 'stop' }] }));
};

/** The bot configured the way a community would: environment variables, parsed by config. */
const withModel = () => ({
  model: loadConfig({ GRIDBOT_LLM_BASE_URL: baseURL, GRIDBOT_LLM_API_KEY: 'k', GRIDBOT_LLM_MODEL: 'fake', GRIDBOT_LLM_MODE: 'unsure', GRIDBOT_LLM_TIMEOUT_MS: '500' }).model,
});

const vague = `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 我们这边那个东西又不行了 你们看看吧
`;

describe('the bot with a language model configured', () => {
  it('asks the model when the rules are unsure, and acts on a good answer', async () => {
    calls = 0;
    reply = answer({ intent: 'report', category: 'facility', urgency: 'normal', building: '1', unit: '2', room: null, confidence: 0.9 });
    const { events } = await runScript(vague, { config: withModel() });
    expect(calls).toBeGreaterThan(0);
    expect(ofKind(events, 'ticket')[0]).toMatchObject({ category: 'facility', building: '1', assignees: ['jiangtianrong'] });
  });

  it('falls back to the rules when the model fails: no ticket on a guess', async () => {
    calls = 0;
    reply = (res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"boom"}}');
    };
    const { events } = await runScript(vague, { config: withModel() });
    expect(calls).toBeGreaterThan(0);
    expect(ofKind(events, 'ticket')).toHaveLength(0);
  });
});
