import { describe, expect, it } from 'vitest';
import { reachOf } from '../../src/store/console-org.js';
import { tempDatabase } from '../support/db.js';

describe("the console's reach of post-holders", () => {
  it('answers for a county-sized list of holders (over the parameter limit of one query)', async () => {
    const { db } = tempDatabase();
    try {
      const aliases = Array.from({ length: 1_200 }, (_, i) => `holder${i}`);
      await db.person.createMany({ data: aliases.map((alias, i) => ({ alias, name: `岗位${i}`, fromOrg: true, chatId: i % 2 ? `chat-${i}` : null })) });
      const at = new Date('2026-03-02T01:00:00Z');
      const message = (alias: string, roomTopic: string | null, i: number) => ({
        messageId: `m${i}`, roomTopic, senderChat: `chat-${alias}`, senderAlias: alias, senderName: alias, text: '你好', mentioned: false,
        fingerprint: `f${i}`, receivedAt: at, status: 'done', kind: 'text',
      });
      await db.inboundMessage.createMany({ data: [message('holder1100', null, 1), message('holder7', '某群', 2)] });
      const reach = await reachOf(db, aliases);
      expect(reach.size).toBe(1_200);
      expect(reach.get('holder1100')).toMatchObject({ directChat: true, lastSeen: at });
      expect(reach.get('holder7')).toMatchObject({ directChat: false, lastSeen: at, seenThisLogin: true });
      expect(reach.get('holder8')).toMatchObject({ directChat: false, seenThisLogin: false });
      expect(reach.get('holder8')!.lastSeen).toBeUndefined();
    } finally {
      await db.$disconnect();
    }
  });
});
