import { describe, expect, it } from 'vitest';
import { addressedCommunities, LaneRouter, type Lane } from '../../src/app/lane-router.js';

const lanes: Lane[] = [
  { community: '金沙社区', topics: ['丽水鑫城业主群', '金沙社区工作群'], holders: ['jiangtianrong'], login: 'bot-east' },
  { community: '五丰岗社区', topics: ['五丰岗居民群'], holders: ['wufeng'], login: 'bot-east' },
  { community: '王家畈社区', topics: ['王家畈新村居民群'], holders: ['chenli'], login: 'bot-west' },
];
const router = () => new LaneRouter(lanes, ['minzhuren']);

describe('which bot a message is for', () => {
  it('sends a group message to the bots of its community, and none for an unknown group', () => {
    expect(router().room('五丰岗居民群')).toEqual([1]);
    expect(router().room('别的群')).toEqual([]);
  });

  it('sends a direct message to the bot that last wrote, else the post, else the group spoken in, else the first', () => {
    const r = router();
    expect(r.direct('chenli', '接单 #1')).toEqual([2]);
    expect(r.direct('liunainai', '查询 #1')).toEqual([0]);
    r.spoke('liunainai', '五丰岗居民群');
    expect(r.direct('liunainai', '查询 #1')).toEqual([1]);
    r.wrote('chenli', 0);
    expect(r.direct('chenli', '接单 #1')).toEqual([0]);
    expect(r.knows('nobody')).toBe(false);
    r.spokeInLane('nobody', 2);
    expect(r.direct('nobody', '查询 #1')).toEqual([2]);
  });

  it("gives county staff's 全县 to every bot on the login they write to, and their 确认 to the same", () => {
    const r = router();
    expect(r.direct('minzhuren', '通知 全县 明天 7:30 演练')).toEqual([0, 1]);
    expect(r.direct('minzhuren', '确认')).toEqual([0, 1]);
    // A community on another login only: the bot they write to hands it on (app/relay.ts).
    expect(r.direct('minzhuren', '通知 王家畈社区 明天 7:30 演练')).toEqual([0]);
    expect(r.direct('minzhuren', '通知 五丰岗社区 明天 7:30 演练')).toEqual([1]);
  });

  it('reads 全县 and community names only from county staff', () => {
    expect(router().direct('liunainai', '全县 五丰岗社区')).toEqual([0]);
    expect(addressedCommunities('通知 全县 明天', ['甲', '乙'])).toEqual([0, 1]);
    expect(addressedCommunities('通知 乙 明天', ['甲', '乙'])).toEqual([1]);
    expect(addressedCommunities('通知 全社区 明天', ['甲', '乙'])).toBeUndefined();
  });
});
