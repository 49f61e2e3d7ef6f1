import type { Tx } from '../store/db.js';
import { formatShort } from '../time.js';
import { balanceOf, latestLedgerEntries } from '../store/ledger.js';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** `我的积分`: the balance and the last entries, each with when and why. */
export async function describePoints(tx: Tx, personId: number, name: string, timeZone: string): Promise<string> {
  const balance = await balanceOf(tx, personId);
  const last = await latestLedgerEntries(tx, personId, 5);
  if (last.length === 0) return `${name}，您还没有爱心积分。参加志愿活动并签到即可获得积分（发送「活动列表」查看活动）。`;
  const lines = last.map((e) => `${formatShort(e.at, timeZone)} ${signed(e.delta)} ${e.reason}`);
  return `${name}，您现有 ${balance} 爱心积分。\n最近记录：\n${lines.join('\n')}`;
}
