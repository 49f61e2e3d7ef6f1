import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { mediaOfTicket } from '../../src/store/media.js';
import { demoOrg, ofKind, runScript } from '../support/sim.js';
import { runAndInspect, sentThroughPuppet } from './support.js';

describe('voice notes without speech-to-text', () => {
  it('answer a group once per sender a day with a request to type, and a direct message always', async () => {
    const script = `
at 2026-03-02 09:00
[丽水鑫城业主群] 王阿姨(wangayi): [语音 8s]
wait 5m
[丽水鑫城业主群] 王阿姨(wangayi): [语音 12s]
wait 1m
[dm] 王阿姨(wangayi): [语音 5s]
wait 1m
[dm] 王阿姨(wangayi): [语音 6s]
at 2026-03-03 09:00
[丽水鑫城业主群] 王阿姨(wangayi): [语音 3s]
[金沙社区工作群] 刘佳玮(liujiawei): [语音 9s]
`;
    const { events } = await runScript(script);
    const says = ofKind(events, 'say');
    const inGroup = says.filter((e) => e.room === '丽水鑫城业主群');
    expect(inGroup).toHaveLength(2);
    expect(inGroup[0].text).toMatch(/^@王阿姨 .*听不了语音.*打字/);
    expect(inGroup[1].at.startsWith('2026-03-03')).toBe(true);
    expect(says.filter((e) => e.to === 'wangayi')).toHaveLength(2);
    expect(says.filter((e) => e.room === '金沙社区工作群' && e.text.includes('语音'))).toHaveLength(0);
    expect(ofKind(events, 'ticket')).toHaveLength(0);
  });

  it('give the grid’s public number when the organisation lists one, and never a private one', async () => {
    const script = `
at 2026-03-02 09:00
[丽水鑫城业主群] 王阿姨(wangayi): [语音 5s]
`;
    const org = demoOrg();
    const grid = org.grids.find((g) => g.name === '丽水鑫城')!;
    grid.branch.secretary = { ...grid.branch.secretary, phone: '13800001111', phone_public: true };
    grid.officers!.sanitation = { ...grid.officers!.sanitation!, phone: '13900002222' };
    const listed = await runScript(script, { org });
    expect(ofKind(listed.events, 'say')[0].text).toContain('拨打网格电话 13800001111');
    grid.branch.secretary = { ...grid.branch.secretary, phone_public: false };
    const unlisted = await runScript(script, { org });
    expect(ofKind(unlisted.events, 'say')[0].text).toContain('在群里@网格员');
    expect(ofKind(unlisted.events, 'say')[0].text).not.toMatch(/1[39]\d{9}/);
  });

  it('go with the report they belong to, forwarded to the holder as audio, with no request to type', async () => {
    const script = `
at 2026-03-02 09:00
[丽水鑫城业主群] 王阿姨(wangayi): 3栋1单元楼道灯坏了
wait 1m
[丽水鑫城业主群] 王阿姨(wangayi): [语音 20s]
`;
    const { events, result } = await runAndInspect(script, async (sim) => ({
      media: await mediaOfTicket(sim.db, 1),
      toHolder: sentThroughPuppet(sim, { alias: 'xiongbenmei' }).map((m) => m.type),
    }));
    expect(result.media).toMatchObject([{ kind: 'audio', durationMs: 20_000 }]);
    expect(ofKind(events, 'say').filter((e) => e.to === 'xiongbenmei').map((e) => [e.text, e.media])).toEqual([
      [expect.stringContaining('新工单 #1'), undefined],
      ['工单 #1 居民发来的语音：', undefined],
      ['[语音 20s]', 'audio'],
    ]);
    expect(result.toHolder).toEqual(['Text', 'Text', 'Audio']);
    expect(ofKind(events, 'say').some((e) => e.text.includes('听不了语音'))).toBe(false);
  });
});

describe('voice notes with speech-to-text configured', () => {
  let server: Server;
  let baseURL = '';
  let requests: { url: string; body: string }[] = [];
  let answer: (res: ServerResponse) => void = () => undefined;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString('latin1') });
        answer(res);
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });

  /** Configured as a community would: the environment, parsed by config. */
  const withAsr = () => ({
    asr: loadConfig({ GRIDBOT_ASR_BASE_URL: baseURL, GRIDBOT_ASR_API_KEY: 'k', GRIDBOT_ASR_MODEL: 'fake-whisper', GRIDBOT_ASR_TIMEOUT_MS: '2000' }).asr,
  });
  const says = (text: string) => (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ text }));
  };

  it('reads the words through intake: a ticket marked as transcribed, the holder gets the text and the audio', async () => {
    requests = [];
    answer = says('3栋2单元楼道灯坏了好几天了');
    const script = `
at 2026-03-02 09:00
[丽水鑫城业主群] 王阿姨(wangayi): [语音 8s]
`;
    const { events, result } = await runAndInspect(
      script,
      async (sim) => ({ media: await sim.db.mediaFile.findMany(), ticket: await sim.db.ticket.findFirst({ where: { id: 1 } }) }),
      withAsr(),
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe('/v1/audio/transcriptions');
    expect(requests[0].body).toContain('fake-whisper');
    expect(ofKind(events, 'ticket')[0]).toMatchObject({ category: 'facility', building: '3', unit: '2', assignees: ['xiongbenmei'] });
    expect(result.ticket?.text).toBe('（语音转写）3栋2单元楼道灯坏了好几天了');
    const toHolder = ofKind(events, 'say').filter((e) => e.to === 'xiongbenmei');
    expect(toHolder[0].text).toContain('内容：（语音转写）3栋2单元楼道灯坏了好几天了');
    expect(toHolder[0].text).toContain('语音 1 条');
    expect(toHolder[1]).toMatchObject({ text: '[语音 8s]', media: 'audio' });
    expect(result.media).toMatchObject([{ kind: 'audio', ticketId: 1, transcript: '3栋2单元楼道灯坏了好几天了' }]);
    expect(ofKind(events, 'say').some((e) => e.text.includes('听不了语音'))).toBe(false);
  });

  it('answers as without speech-to-text when the service fails', async () => {
    requests = [];
    answer = (res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"boom"}}');
    };
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 王阿姨(wangayi): [语音 8s]
`, { config: withAsr() });
    expect(requests.length).toBeGreaterThan(0);
    expect(ofKind(events, 'ticket')).toHaveLength(0);
    expect(ofKind(events, 'say')[0].text).toContain('听不了语音');
  });
});
