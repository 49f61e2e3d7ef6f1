import { describe, expect, it } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { WechatyChat } from '../../src/chat/wechaty.js';
import type { Logger } from '../../src/log.js';

/** A logger that keeps what was said, to check the bot says a trouble once. */
function recordingLogger() {
  const lines: { level: string; msg: string; data: Record<string, unknown> }[] = [];
  const at = (level: string) => (data: unknown, msg?: string) => {
    lines.push({ level, msg: msg ?? String(data), data: typeof data === 'object' && data ? (data as Record<string, unknown>) : {} });
  };
  const log = { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug'), fatal: at('fatal'), child: () => log } as unknown as Logger;
  return { log, lines };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WeChat login trouble', () => {
  it('says once that WeChat cannot be reached, then pauses and retries with growing backoff', async () => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const { log, lines } = recordingLogger();
    const chat = new WechatyChat({ puppet, log, printQr: false, backoffMs: { initial: 100, max: 400 } });
    await chat.start();
    // The web puppet offline: the same login error about 2.5 times a second, forever.
    const flood = setInterval(() => puppet.emit('error', { data: 'getaddrinfo ENOTFOUND login.wx.qq.com' }), 20);
    await sleep(1200);
    clearInterval(flood);
    await chat.stop();

    const explained = lines.filter((l) => l.msg.includes('无法连接微信服务器'));
    const errorEvents = 1200 / 20;
    // Far fewer log lines than errors: said once per pause, not once per error.
    expect(explained.length).toBeGreaterThanOrEqual(1);
    expect(explained.length).toBeLessThan(errorEvents / 5);
    const pauses = lines.filter((l) => l.msg.startsWith('微信登录暂停')).map((l) => l.data.retryInSeconds as number);
    expect(pauses.length).toBeGreaterThanOrEqual(2);
    // Each pause at least as long as the one before: never a tight loop.
    for (let i = 1; i < pauses.length; i++) expect(pauses[i]).toBeGreaterThanOrEqual(pauses[i - 1]);
  });

  it('caps the QR codes shown when nobody scans, then pauses', async () => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const { log, lines } = recordingLogger();
    const chat = new WechatyChat({ puppet, log, printQr: false, maxScans: 3, backoffMs: { initial: 10_000, max: 10_000 } });
    await chat.start();
    await sleep(50);
    for (let i = 0; i < 10; i++) mocker.scan(`https://login.weixin.qq.com/l/code${i}`, 2 as never);
    await sleep(50);
    await chat.stop();
    const qr = lines.filter((l) => l.msg.includes('等待扫码登录'));
    expect(qr).toHaveLength(3);
    expect(lines.some((l) => l.msg.includes('nobody scanned 3 QR codes'))).toBe(true);
  });
});

describe('a refused web login', () => {
  it.each([
    [true, 1],
    [false, 0],
  ])('web protocol %s: advice to use a token puppet is given %i times, however often WeChat refuses', async (webProtocol, times) => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const { log, lines } = recordingLogger();
    const chat = new WechatyChat({ puppet, log, printQr: false, webProtocol, backoffMs: { initial: 10_000, max: 10_000 } });
    await chat.start();
    for (let i = 0; i < 4; i++) {
      puppet.emit('error', { data: '登录失败 ret=1203' });
      await sleep(20);
    }
    await chat.stop();
    const advice = lines.filter((l) => l.msg.includes('不能用网页版协议登录'));
    expect(advice).toHaveLength(times);
    if (times) expect(advice[0].msg).toContain('WECHATY_PUPPET=@juzi/wechaty-puppet-service');
    expect(lines.some((l) => l.msg.includes('微信登录失败'))).toBe(true);
  });
});

describe('messages replayed at login', () => {
  it('skips what was sent more than a minute before the login, and the bot’s own messages', async () => {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const { log } = recordingLogger();
    const chat = new WechatyChat({ puppet, log, printQr: false });
    const received: string[] = [];
    chat.onMessage(async (m) => {
      received.push(m.text);
    });
    const user = mocker.createContact({ name: '网格助手' });
    const resident = mocker.createContact({ name: '张大爷', weixin: 'zhangdaye', handle: 'zhangdaye' } as never);
    const room = mocker.createRoom({ topic: '丽水鑫城业主群', memberIdList: [user.id, resident.id] });
    await chat.start();
    mocker.login(user);
    await sleep(100);

    const replay = (text: string, ageMs: number, talker = resident) => {
      const msg = mocker.MessageMock.create({ id: `old-${text}`, talkerId: talker.id, roomId: room.id, text, timestamp: Date.now() - ageMs, type: 7 } as never);
      puppet.emit('message', { messageId: msg.id });
    };
    replay('两分钟前的消息', 120_000);
    replay('半分钟前的消息', 30_000);
    resident.say('刚刚说的').to(room);
    user.say('机器人自己说的').to(room);
    await sleep(300);
    await chat.stop();
    expect(received.sort()).toEqual(['刚刚说的', '半分钟前的消息'].sort());
  });
});
