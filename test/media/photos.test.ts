import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/chat/port.js';
import { mediaOfTicket } from '../../src/store/media.js';
import { ofKind } from '../support/sim.js';
import { filesIn, runAndInspect, sentThroughPuppet } from './support.js';

/** A photo from 张大爷 as the chat edge hands it to the bot. */
const photoMessage = (at: Date, id: string, topic: string, read: () => Promise<Buffer>): ChatMessage => ({
  id,
  room: { topic, chatId: 'r' },
  sender: { chatId: 'c1', alias: 'zhangdaye', name: '张大爷' },
  text: '',
  mentionsBot: false,
  sentAt: at,
  media: { kind: 'image', read },
});

const photoThenReport = `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): [图片]
wait 30s
[丽水鑫城业主群] 张大爷(zhangdaye): 3栋2单元楼道灯坏了好几天了
wait 1m
[丽水鑫城业主群] 张大爷(zhangdaye): [图片]
`;

describe('photos from residents', () => {
  it('reach the holder with the new-ticket message, as images through WeChat, and stay on the ticket', async () => {
    const { events, result } = await runAndInspect(photoThenReport, async (sim) => ({
      media: await mediaOfTicket(sim.db, 1),
      history: await sim.db.ticketEvent.findMany({ where: { ticketId: 1, kind: 'media' } }),
      toHolder: sentThroughPuppet(sim, { alias: 'xiongbenmei' }),
      toGroup: sentThroughPuppet(sim, { topic: '丽水鑫城业主群' }),
      files: filesIn(sim.config.media.dir),
    }));
    const says = ofKind(events, 'say').filter((e) => e.to === 'xiongbenmei');
    expect(says[0].text).toContain('新工单 #1');
    expect(says[0].text).toContain('图片 1 张');
    expect(says[1]).toMatchObject({ media: 'image' });
    // The photo after the report follows with a line saying what it is.
    expect(says[2].text).toBe('工单 #1 居民发来的图片：');
    expect(says[3]).toMatchObject({ media: 'image' });
    expect(result.toHolder.map((m) => m.type)).toEqual(['Text', 'Image', 'Text', 'Image']);
    // The group hears the usual acknowledgement and never sees a photo.
    expect(result.toGroup.map((m) => m.type)).toEqual(['Text']);
    expect(ofKind(events, 'say').filter((e) => e.media && e.room)).toHaveLength(0);
    expect(result.media.map((m) => m.kind)).toEqual(['image', 'image']);
    expect(result.history.map((h) => h.note)).toEqual([`photo ${result.media[0].id}`, `photo ${result.media[1].id}`]);
    expect(result.files).toHaveLength(2);
  });

  it('keeps a photo with no report in view, and a report more than two minutes later does not take it', async () => {
    const script = `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): [图片]
wait 3m
[丽水鑫城业主群] 张大爷(zhangdaye): 3栋2单元楼道灯坏了好几天了
`;
    const { events, result } = await runAndInspect(script, async (sim) => ({ rows: await sim.db.mediaFile.findMany() }));
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0].ticketId).toBeNull();
    expect(ofKind(events, 'say').filter((e) => e.media)).toHaveLength(0);
    // Nobody was told anything about the lone photo.
    expect(ofKind(events, 'say').filter((e) => e.at < '2026-03-02T09:03')).toHaveLength(0);
  });

  it('sends a holder’s photo after 办结 to the resident by direct message as proof, never to the group', async () => {
    const script = `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 3栋2单元楼道灯坏了好几天了
wait 10m
[dm] 熊本梅(xiongbenmei): 接单 #1
wait 1h
[dm] 熊本梅(xiongbenmei): 办结 #1 灯已换好
wait 2m
[dm] 熊本梅(xiongbenmei): [图片]
`;
    const { events, result } = await runAndInspect(script, async (sim) => ({
      media: await mediaOfTicket(sim.db, 1),
      toResident: sentThroughPuppet(sim, { alias: 'zhangdaye' }),
      toGroup: sentThroughPuppet(sim, { topic: '丽水鑫城业主群' }),
    }));
    const toResident = ofKind(events, 'say').filter((e) => e.to === 'zhangdaye');
    expect(toResident.map((e) => e.text)).toEqual(['您的工单 #1 办理人发来了办结照片：', '[图片]']);
    expect(toResident[1].media).toBe('image');
    expect(result.toResident.map((m) => m.type)).toEqual(['Text', 'Image']);
    expect(result.toGroup.every((m) => m.type === 'Text')).toBe(true);
    expect(result.media).toMatchObject([{ role: 'proof', kind: 'image' }]);
    expect(ofKind(events, 'say').find((e) => e.to === 'xiongbenmei' && e.text.includes('办结凭证'))).toBeTruthy();
  });

  it('forwards a short video as a video, and 查询 lists what the ticket holds', async () => {
    const script = `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 3栋2单元楼道灯坏了好几天了
wait 1m
[丽水鑫城业主群] 张大爷(zhangdaye): [视频]
[丽水鑫城业主群] 张大爷(zhangdaye): [图片]
wait 5m
[丽水鑫城业主群] 张大爷(zhangdaye): 查询 #1
`;
    const { events, result } = await runAndInspect(script, async (sim) => sentThroughPuppet(sim, { alias: 'xiongbenmei' }).map((m) => m.type));
    expect(result).toEqual(['Text', 'Text', 'Video', 'Text', 'Image']);
    const answer = ofKind(events, 'say').filter((e) => e.room === '丽水鑫城业主群').at(-1);
    expect(answer?.text).toMatch(/^#1 设施报修.*\n附：视频 1 段、图片 1 张$/);
  });

  it('never downloads a file sent in a group the bot does not serve', async () => {
    await runAndInspect('at 2026-03-02 09:00\n', async (sim) => {
      let reads = 0;
      const stored = await sim.bot.store(photoMessage(sim.clock.now(), 'elsewhere-1', '别的小区闲聊群', async () => (reads++, Buffer.from('photo'))));
      expect(stored).toBeUndefined();
      expect(reads).toBe(0);
      expect(filesIn(sim.config.media.dir)).toEqual([]);
    });
  });

  it('refuses a photo over the size cap politely and writes nothing of it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridbot-media-cap-'));
    try {
      const script = `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): [图片]
`;
      const { events, result } = await runAndInspect(
        script,
        async (sim) => ({ media: await sim.db.mediaFile.count(), inbound: await sim.db.inboundMessage.count() }),
        { media: { dir, maxBytes: 8 } },
      );
      expect(ofKind(events, 'say')).toEqual([
        expect.objectContaining({ room: '丽水鑫城业主群', text: expect.stringContaining('@张大爷 图片太大了') }),
      ]);
      expect(result).toEqual({ media: 0, inbound: 0 });
      expect(filesIn(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes the file again when the message cannot be stored (a replayed message id)', async () => {
    await runAndInspect('at 2026-03-02 09:00\n', async (sim) => {
      const dir = sim.config.media.dir;
      const message = (bytes: Buffer) => photoMessage(sim.clock.now(), 'same-protocol-id', '丽水鑫城业主群', async () => bytes);
      expect(await sim.bot.store(message(Buffer.from('first photo')))).toBeTypeOf('number');
      expect(await sim.bot.store(message(Buffer.from('a different photo')))).toBeUndefined();
      expect(filesIn(dir)).toHaveLength(1);
      expect(await sim.db.mediaFile.count()).toBe(1);
    });
  });
});
