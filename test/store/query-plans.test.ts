import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { listenToStatements } from '../../src/store/db.js';
import { resolveDatabaseUrl } from '../../src/store/database-url.js';
import { runScript } from '../support/sim.js';
import { tempDatabaseUrl } from '../support/db.js';

/** Tables that grow with the community's history (or its residents): never read whole per message or sweep. */
const GROWING = ['Ticket', 'TicketEvent', 'InboundMessage', 'OutboundMessage', 'PendingAction', 'NoticePost', 'MediaFile', 'LedgerEntry', 'Signup', 'Person', 'Throttle'];

/** A day of a community's work: reports in groups and by direct message, follow-ups, queries, holders' commands, a broadcast, and the sweeps of the days after. */
const DAY = `at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 楼道灯坏了好几天了
[丽水鑫城业主群] 张大爷(zhangdaye): 就在1栋2单元
[铜锣湾小区居民群] 小陈(xiaochen): 12栋门口的井盖坏了
[丽水鑫城业主群] 张大爷(zhangdaye): 我的工单
[丽水鑫城业主群] 李阿姨(liayi): 早上好啊各位
[dm] 李阿姨(liayi): 3栋电梯又停了，老人上不去楼
[dm] 王先生(wangxiansheng): 小区东门垃圾堆了好几天了
[dm] 江天荣(jiangtianrong): 接单 #1
[dm] 江天荣(jiangtianrong): 办结 #1 已换灯泡
[丽水鑫城业主群] 张大爷(zhangdaye): 5
[dm] 刘佳玮(liujiawei): 群发 全社区 今晚8点社区广场放电影
[dm] 刘佳玮(liujiawei): 确认
wait 2d
[铜锣湾小区居民群] 小陈(xiaochen): 查询 #2
wait 3d
`;

/** The first rows of an index in its order, and no condition: reads only what the LIMIT takes. */
const bounded = (detail: string, sql: string) => /USING (COVERING )?INDEX/.test(detail) && /WHERE 1=1 ORDER BY [^?]* LIMIT \?/.test(sql);

/** Org import reads every post-holder once per start or import: not per message or sweep. */
const ONCE_PER_IMPORT = [/FROM `main`.`Person` WHERE `main`.`Person`.`fromOrg` = \? LIMIT/];

const statements = new Set<string>();
afterAll(() => listenToStatements(undefined));

describe('every query of the message path and the sweeps is indexed or bounded', () => {
  it('has no full scan of a growing table in any statement a day of work runs', async () => {
    const url = tempDatabaseUrl();
    listenToStatements((sql) => statements.add(sql));
    await runScript(DAY, { databaseUrl: url });
    listenToStatements(undefined);
    expect(statements.size).toBeGreaterThan(30);

    const db = new Database(resolveDatabaseUrl(url), { readonly: true });
    const scans: string[] = [];
    for (const sql of statements) {
      if (!/^\s*(SELECT|UPDATE|DELETE|INSERT)/i.test(sql)) continue;
      const params = (sql.match(/\?/g) ?? []).map(() => null);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      for (const { detail } of plan) {
        const table = /^SCAN (?:main\.)?(\w+)/.exec(detail)?.[1];
        if (table && GROWING.includes(table) && !bounded(detail, sql) && !ONCE_PER_IMPORT.some((re) => re.test(sql))) scans.push(`${detail}\n    ${sql}`);
      }
    }
    db.close();
    expect(scans).toEqual([]);
  });
});
