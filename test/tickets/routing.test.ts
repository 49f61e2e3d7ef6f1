import { describe, expect, it } from 'vitest';
import type { Category, Urgency } from '../../src/intake/index.js';
import type { OrgDirectory } from '../../src/org/directory.js';
import type { Org } from '../../src/org/types.js';
import { mayActOn, routeTicket, type RouteStep } from '../../src/tickets/routing.js';
import { demo, demoWith, other } from './support.js';

/** A ladder written compactly: "tier:holder+holder[told+told]". */
function show(ladder: RouteStep[]): string[] {
  return ladder.map((s) => `${s.tier}:${s.holders.join('+')}${s.told.length ? `[${s.told.join('+')}]` : ''}`);
}

type Row = [string, Category, Urgency, string | null, string | null, string | null, string[]];

const ROUTE = (org: OrgDirectory, [, category, urgency, grid, building, unit]: Row) =>
  show(routeTicket(org, { category, urgency, grid, building, unit }));

describe('default routing table, demo community', () => {
  const org = demo();
  it.each<Row>([
    ['facility: building leader → branch secretary → committee', 'facility', 'normal', '丽水鑫城', '1', '2', ['building:jiangtianrong', 'branch:xuchengpeng', 'committee:hugeng']],
    ['sanitation: officer → branch secretary → committee', 'sanitation', 'normal', '丽水鑫城', '1', null, ['branch:chengweidong', 'branch:xuchengpeng', 'committee:hugeng']],
    ['security: building leader → branch → unit handling security', 'security', 'normal', '丽水鑫城', '3', null, ['building:xiongbenmei', 'branch:xuchengpeng', 'committee:wangjingguan']],
    ['dispute: mediator → branch secretary → committee', 'dispute', 'normal', '铜锣湾', '12', null, ['branch:fangzheng', 'branch:liuhanhui', 'committee:hugeng']],
    ['property: company holds, owners committee told (三方联动)', 'property', 'normal', '丽水鑫城', null, null, ['branch:zhoujingli[qinzhuren]', 'branch:xuchengpeng', 'committee:hugeng']],
    ['utilities: the unit handling it → branch secretary → committee secretary', 'utilities', 'normal', '丽水鑫城', '1', null, ['committee:ranqizhou', 'branch:xuchengpeng', 'committee:hugeng']],
    ['assistance: household serving the unit → building → branch → committee', 'assistance', 'normal', '丽水鑫城', '1', '2', ['household:pengyansong', 'building:jiangtianrong', 'branch:xuchengpeng', 'committee:hugeng']],
    ['assistance: a household serving several units', 'assistance', 'normal', '丽水鑫城', '3', '2', ['household:qixiaoyou', 'building:xiongbenmei', 'branch:xuchengpeng', 'committee:hugeng']],
    ['service: the unit handling service → committee secretary', 'service', 'normal', '丽水鑫城', null, null, ['committee:wangshenglian', 'committee:hugeng']],
    ['other: branch secretary → committee', 'other', 'normal', '铜锣湾', 'A', null, ['branch:liuhanhui', 'committee:hugeng']],
  ])('%s', (...row) => expect(ROUTE(org, row)).toEqual(row[6]));
});

describe('urgent tickets', () => {
  const org = demo();
  it.each<Row>([
    ['security: building leader and the security unit hold, branch secretary told', 'security', 'urgent', '丽水鑫城', '1', null, ['building:jiangtianrong+wangjingguan[xuchengpeng]', 'branch:xuchengpeng']],
    ['security without a building: branch secretary and the unit at once', 'security', 'urgent', '丽水鑫城', null, null, ['branch:xuchengpeng+wangjingguan']],
    ['security in a building the grid does not have: likewise', 'security', 'urgent', '丽水鑫城', '9', null, ['branch:xuchengpeng+wangjingguan']],
    ['utilities (gas): the unit holds, branch secretary told at once', 'utilities', 'urgent', '丽水鑫城', '3', '1', ['committee:ranqizhou[xuchengpeng]', 'branch:xuchengpeng', 'committee:hugeng']],
    ['facility (lift): building leader holds, branch secretary told', 'facility', 'urgent', '铜锣湾', '12', null, ['building:dengweiguo[liuhanhui]', 'branch:liuhanhui', 'committee:hugeng']],
    ['assistance (fall): household holds, branch secretary told', 'assistance', 'urgent', '丽水鑫城', '1', '1', ['household:lidexiang[xuchengpeng]', 'building:jiangtianrong', 'branch:xuchengpeng', 'committee:hugeng']],
    ['other: the branch secretary already holds, nobody extra', 'other', 'urgent', '丽水鑫城', null, null, ['branch:xuchengpeng', 'committee:hugeng']],
  ])('%s', (...row) => expect(ROUTE(org, row)).toEqual(row[6]));
});

describe('unknown places start building and household tickets at the branch secretary', () => {
  const org = demo();
  it.each<Row>([
    ['facility, no building', 'facility', 'normal', '丽水鑫城', null, null, ['branch:xuchengpeng', 'committee:hugeng']],
    ['facility, a building the grid does not have', 'facility', 'normal', '丽水鑫城', '9', null, ['branch:xuchengpeng', 'committee:hugeng']],
    ['security, no building', 'security', 'normal', '铜锣湾', null, null, ['branch:liuhanhui', 'committee:wangjingguan']],
    ['assistance, no building', 'assistance', 'normal', '丽水鑫城', null, '2', ['branch:xuchengpeng', 'committee:hugeng']],
    ['assistance, building but no unit: building leader', 'assistance', 'normal', '丽水鑫城', '1', null, ['building:jiangtianrong', 'branch:xuchengpeng', 'committee:hugeng']],
    ['assistance, a unit no household serves: building leader', 'assistance', 'normal', '丽水鑫城', '2', '1', ['building:xiayongjun', 'branch:xuchengpeng', 'committee:hugeng']],
    ['no grid at all: the community committee', 'facility', 'normal', null, '1', null, ['committee:hugeng']],
  ])('%s', (...row) => expect(ROUTE(org, row)).toEqual(row[6]));
});

describe('posts nobody holds are skipped', () => {
  const org = demo();
  it.each<Row>([
    ['sanitation in a grid without officers', 'sanitation', 'normal', '明山岗', '1', null, ['branch:yefangqing', 'committee:hugeng']],
    ['dispute in a grid without a mediator', 'dispute', 'normal', '明山岗', null, null, ['branch:yefangqing', 'committee:hugeng']],
    ['property without company or owners committee', 'property', 'normal', '明山岗', null, null, ['branch:yefangqing', 'committee:hugeng']],
    ['property with a company but no owners committee', 'property', 'normal', '铜锣湾', null, null, ['branch:wuyedeng', 'branch:liuhanhui', 'committee:hugeng']],
    ['a building leader who is also the branch secretary is asked once', 'facility', 'normal', '明山岗', '1', null, ['building:yefangqing', 'committee:hugeng']],
    ['assistance in a building without households', 'assistance', 'normal', '铜锣湾', 'A', '1', ['building:kemin', 'branch:liuhanhui', 'committee:hugeng']],
  ])('%s', (...row) => expect(ROUTE(org, row)).toEqual(row[6]));
});

describe('the second community (no security or service unit, missing officers, overrides)', () => {
  const org = other();
  it.each<Row>([
    ['facility: the committee tier is the unit handling facility', 'facility', 'normal', '桂花苑', '5', null, ['building:zhoulouzhang', 'branch:qianlixin', 'committee:chengguanma']],
    ['service without a unit: community staff, then committee secretary', 'service', 'normal', '桂花苑', null, null, ['committee:sunli', 'committee:zhaoqiming']],
    ['urgent security without a unit: building leader, branch told', 'security', 'urgent', '桂花苑', '5', null, ['building:zhoulouzhang[qianlixin]', 'branch:qianlixin', 'committee:zhaoqiming']],
    ['property without a company: branch secretary holds, owners committee told', 'property', 'normal', '桂花苑', null, null, ['branch:qianlixin[laoli]', 'committee:zhaoqiming']],
    ['override dispute → committee', 'dispute', 'normal', '桂花苑', '5', null, ['committee:zhaoqiming']],
    ['override sanitation → building, no sanitation officer', 'sanitation', 'normal', '桂花苑', '5', '1', ['building:zhoulouzhang', 'branch:qianlixin', 'committee:zhaoqiming']],
    ['override sanitation → building, leader is the branch secretary, officer between', 'sanitation', 'normal', '枫林湾', '7', null, ['building:fengtao', 'branch:chenjie', 'committee:zhaoqiming']],
    ['override sanitation → building, place unknown: officer first', 'sanitation', 'normal', '枫林湾', null, null, ['branch:chenjie', 'branch:fengtao', 'committee:zhaoqiming']],
    ['utilities: the water company', 'utilities', 'urgent', '枫林湾', '7', null, ['committee:shuisipan[fengtao]', 'branch:fengtao', 'committee:zhaoqiming']],
    ['assistance: household of unit 1', 'assistance', 'normal', '桂花苑', '5', '1', ['household:wuzhongxin', 'building:zhoulouzhang', 'branch:qianlixin', 'committee:zhaoqiming']],
    ['letter building', 'facility', 'normal', '桂花苑', 'B', null, ['building:zhengwei', 'branch:qianlixin', 'committee:chengguanma']],
  ])('%s', (...row) => expect(ROUTE(org, row)).toEqual(row[6]));
});

describe('org-file routing overrides (demo community)', () => {
  it.each<[string, Org['routing'], Row]>([
    ['utilities from the committee: unit, then secretary', { utilities: { start: 'committee' } }, ['', 'utilities', 'normal', '丽水鑫城', '1', null, ['committee:ranqizhou', 'committee:hugeng']]],
    ['utilities from the branch: secretary first, then the unit', { utilities: { start: 'branch' } }, ['', 'utilities', 'normal', '丽水鑫城', '1', null, ['branch:xuchengpeng', 'committee:ranqizhou', 'committee:hugeng']]],
    ['facility from the branch', { facility: { start: 'branch' } }, ['', 'facility', 'normal', '丽水鑫城', '1', null, ['branch:xuchengpeng', 'committee:hugeng']]],
    ['sanitation from the household', { sanitation: { start: 'household' } }, ['', 'sanitation', 'normal', '丽水鑫城', '1', '2', ['household:pengyansong', 'building:jiangtianrong', 'branch:chengweidong', 'branch:xuchengpeng', 'committee:hugeng']]],
    ['service from the branch', { service: { start: 'branch' } }, ['', 'service', 'normal', '丽水鑫城', null, null, ['branch:xuchengpeng', 'committee:wangshenglian', 'committee:hugeng']]],
    ['security from the committee: the unit', { security: { start: 'committee' } }, ['', 'security', 'normal', '丽水鑫城', '1', null, ['committee:wangjingguan']]],
    ['an override of another category leaves this one alone', { utilities: { start: 'committee' } }, ['', 'facility', 'normal', '丽水鑫城', '1', null, ['building:jiangtianrong', 'branch:xuchengpeng', 'committee:hugeng']]],
  ])('%s', (_name, routing, row) => expect(ROUTE(demoWith({ routing }), row)).toEqual(row[6]));
});

describe('who may act on a ticket', () => {
  const org = demo();
  const ladder = routeTicket(org, { category: 'assistance', urgency: 'normal', grid: '丽水鑫城', building: '1', unit: '2' });
  it.each<[string, number, string[], string, boolean]>([
    ['the holder', 0, ['pengyansong'], 'pengyansong', true],
    ['the building leader above', 0, ['pengyansong'], 'jiangtianrong', true],
    ['the branch secretary of the grid', 0, ['pengyansong'], 'xuchengpeng', true],
    ['the committee secretary', 0, ['pengyansong'], 'hugeng', true],
    ['community staff', 0, ['pengyansong'], 'liujiawei', true],
    ['another household of the building', 0, ['pengyansong'], 'lidexiang', false],
    ['the branch secretary of another grid', 0, ['pengyansong'], 'liuhanhui', false],
    ['a building leader of another building', 0, ['pengyansong'], 'xiongbenmei', false],
    ['the household after the ticket climbed past it', 1, ['jiangtianrong'], 'pengyansong', false],
    ['a resident', 0, ['pengyansong'], 'zhangdaye', false],
  ])('%s', (_n, step, assignees, alias, expected) => {
    expect(mayActOn(org, ladder, step, assignees, alias, '丽水鑫城')).toBe(expected);
  });
});
