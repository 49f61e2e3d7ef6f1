import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCounty, parseCounty } from '../../src/org/county.js';
import { OrgFileError, parseOrg, type OrgError } from '../../src/org/load.js';
import { scratchDir } from '../../src/scratch.js';
import { readFixture, repoRoot } from '../support/sim.js';

const countyFile = readFixture('examples/county.yaml');
const folder = path.join(repoRoot, 'examples/county');

function rejected(work: () => unknown): { file: string; errors: OrgError[]; text: string } {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(OrgFileError);
    const e = err as OrgFileError;
    return { file: e.file, errors: e.errors, text: e.describe() };
  }
  throw new Error('expected the organisation to be rejected');
}

/** A copy of the example folder with some files replaced or added. */
function folderWith(changes: Record<string, string | null>): string {
  const dir = scratchDir('gridbot-county-').path;
  for (const name of fs.readdirSync(folder)) fs.copyFileSync(path.join(folder, name), path.join(dir, name));
  for (const [name, text] of Object.entries(changes)) {
    if (text === null) fs.rmSync(path.join(dir, name));
    else fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const lineText = (file: string, line: number) => fs.readFileSync(file, 'utf8').split('\n')[line - 1];

describe('a county organisation', () => {
  it('reads the same from one file and from a folder', () => {
    const fromFile = parseCounty(countyFile, 'county.yaml');
    expect(fromFile.name).toBe('红安县');
    expect(fromFile.staff.map((s) => s.wechat)).toEqual(['minzhuren']);
    expect(fromFile.accounts).toEqual([
      { name: 'bot-jinsha', communities: ['金沙社区'] },
      { name: 'bot-wangjiafan', communities: ['王家畈社区'] },
    ]);
    // Two communities may both have a grid called 桂花苑.
    expect(fromFile.communities.map((c) => [c.community.name, c.grids.map((g) => g.name)])).toEqual([
      ['金沙社区', ['丽水鑫城', '桂花苑']],
      ['王家畈社区', ['王家畈新村', '桂花苑']],
    ]);
    expect(loadCounty(folder)).toEqual(fromFile);
    expect(loadCounty(path.join(repoRoot, 'examples/county.yaml'))).toEqual(fromFile);
  });

  it("reads today's one-community file unchanged, as a county of one without accounts", () => {
    const example = readFixture('examples/org.example.yaml');
    const county = loadCounty(path.join(repoRoot, 'examples/org.example.yaml'));
    expect(county).toEqual({ staff: [], accounts: [], communities: [parseOrg(example)] });
  });

  it('reads a folder without county.yaml, and a folder of one community', () => {
    const noHead = loadCounty(folderWith({ 'county.yaml': null }));
    expect(noHead.accounts).toEqual([]);
    expect(noHead.communities).toHaveLength(2);
    const one = loadCounty(folderWith({ 'county.yaml': null, 'wangjiafan.yaml': null }));
    expect(one.communities.map((c) => c.community.name)).toEqual(['金沙社区']);
  });

  it('rejects a room topic used in two communities of one file, naming the line', () => {
    const source = countyFile.replace('{ topic: 王家畈新村居民群 }', '{ topic: 丽水鑫城业主群 }');
    const { errors } = rejected(() => parseCounty(source, 'county.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('群名 丽水鑫城业主群 已在 金沙社区 用过');
    expect(source.split('\n')[errors[0].line - 1]).toContain('topic: 丽水鑫城业主群');
    expect(errors[0].path).toBe('communities.1.grids.0.rooms.0.topic');
  });

  it('rejects a room topic used in two files of a folder, naming the second file and its line', () => {
    const wangjiafan = fs.readFileSync(path.join(folder, 'wangjiafan.yaml'), 'utf8');
    const dir = folderWith({ 'wangjiafan.yaml': wangjiafan.replace('王家畈社区工作群', '金沙社区工作群') });
    const { errors, text } = rejected(() => loadCounty(dir));
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe(path.join(dir, 'wangjiafan.yaml'));
    expect(lineText(errors[0].file!, errors[0].line)).toContain('topic: 金沙社区工作群');
    expect(text).toContain(`${path.join(dir, 'wangjiafan.yaml')}:${errors[0].line}:`);
  });

  it('still rejects a grid name twice within one community', () => {
    const source = countyFile.replace('- name: 王家畈新村', '- name: 桂花苑');
    const { errors } = rejected(() => parseCounty(source, 'county.yaml'));
    expect(errors.map((e) => e.message)).toEqual(['网格 桂花苑 重复']);
    expect(source.split('\n')[errors[0].line - 1]).toContain('name: 桂花苑');
  });

  it.each([
    ['in a community of the file', (s: string) => s.replace('      name: 王家畈社区\n', '      name: 王家畈社区\n      colour: red\n'), 'colour: red', 'communities.1.community'],
    ['at the top of the county', (s: string) => s.replace('county:\n', 'county:\n  region: 湖北\n'), 'region: 湖北', 'county'],
    ['in an account', (s: string) => s.replace('{ name: bot-jinsha, ', '{ name: bot-jinsha, token: x, '), 'token: x', 'accounts.0'],
  ])('rejects an unknown key %s with the key and the line', (_where, change, line, pathText) => {
    const source = change(countyFile);
    const { errors } = rejected(() => parseCounty(source, 'county.yaml'));
    expect(errors[0].message).toMatch(/^未知的键 /);
    expect(errors[0].path).toBe(pathText);
    expect(source.split('\n')[errors[0].line - 1]).toContain(line);
  });

  it('rejects an unknown key in a community file of a folder, naming that file', () => {
    const jinsha = fs.readFileSync(path.join(folder, 'jinsha.yaml'), 'utf8');
    const dir = folderWith({ 'jinsha.yaml': jinsha.replace('  - name: 桂花苑\n', '  - name: 桂花苑\n    colour: red\n') });
    const { errors } = rejected(() => loadCounty(dir));
    expect(errors[0].file).toBe(path.join(dir, 'jinsha.yaml'));
    expect(errors[0].message).toBe('未知的键 colour');
    expect(lineText(errors[0].file!, errors[0].line)).toContain('colour: red');
  });

  it('rejects a county.yaml that lists communities itself, or lacks the county name', () => {
    const head = fs.readFileSync(path.join(folder, 'county.yaml'), 'utf8');
    expect(rejected(() => loadCounty(folderWith({ 'county.yaml': `${head}communities: []\n` }))).errors[0].message).toBe('未知的键 communities');
    const noName = rejected(() => loadCounty(folderWith({ 'county.yaml': head.replace('  name: 红安县\n', '') })));
    expect(noName.errors[0]).toMatchObject({ path: 'county.name', message: '缺少必填项' });
  });

  it.each([
    ['names a community that does not exist', (s: string) => s.replace('communities: [王家畈社区]', 'communities: [王家贩社区]'), '没有叫 王家贩社区 的社区', '王家贩社区'],
    ['leaves a community without an account', (s: string) => s.replace('  - { name: bot-wangjiafan, communities: [王家畈社区] }\n', ''), '社区 王家畈社区 没有账号服务', 'name: 王家畈社区'],
    ['uses one account name twice', (s: string) => s.replace('name: bot-wangjiafan', 'name: bot-jinsha'), '账号 bot-jinsha 重复', 'name: bot-jinsha, communities: [王家畈社区]'],
  ])('rejects accounts that %s', (_what, change, message, line) => {
    const source = change(countyFile);
    const { errors } = rejected(() => parseCounty(source, 'county.yaml'));
    expect(errors[0].message).toContain(message);
    expect(source.split('\n')[errors[0].line - 1]).toContain(line);
  });

  it('lets one WeChat id hold posts in two communities, but not under two names', () => {
    const shared = countyFile.replaceAll('{ name: 何平, wechat: heping }', '{ name: 邓卫国, wechat: dengweiguo }');
    expect(parseCounty(shared, 'county.yaml').communities[1].grids[1].buildings[0].building_leader.wechat).toBe('dengweiguo');
    const clash = countyFile.replaceAll('{ name: 何平, wechat: heping }', '{ name: 何平, wechat: dengweiguo }');
    const { errors } = rejected(() => parseCounty(clash, 'county.yaml'));
    expect(errors[0].message).toContain('微信号 dengweiguo 同时属于 邓卫国（金沙社区）和 何平');
    expect(clash.split('\n')[errors[0].line - 1]).toContain('何平');
  });

  it('rejects two communities of the same name, and a folder with no community file', () => {
    const source = countyFile.replace('name: 王家畈社区\n', 'name: 金沙社区\n').replace('communities: [王家畈社区]', 'communities: [金沙社区]');
    expect(rejected(() => parseCounty(source, 'county.yaml')).errors.map((e) => e.message)).toContain('社区 金沙社区 重复');
    const empty = scratchDir('gridbot-county-').path;
    expect(rejected(() => loadCounty(empty)).errors[0].message).toContain('没有社区文件');
  });

  it('reports every problem of a folder at once: a bad file, and clashes among the others', () => {
    const jinsha = fs.readFileSync(path.join(folder, 'jinsha.yaml'), 'utf8');
    const wangjiafan = fs.readFileSync(path.join(folder, 'wangjiafan.yaml'), 'utf8');
    const dir = folderWith({
      'jinsha.yaml': jinsha.replace('  - name: 桂花苑\n', '  - name: 桂花苑\n    colour: red\n'),
      'wufenggang.yaml': wangjiafan.replace('name: 王家畈社区', 'name: 五丰岗社区').replace('王家畈社区工作群', '五丰岗社区工作群'),
    });
    const { errors } = rejected(() => loadCounty(dir));
    expect(errors.map((e) => [path.basename(e.file!), e.message])).toEqual([
      ['jinsha.yaml', '未知的键 colour'],
      ['wufenggang.yaml', '群名 王家畈新村居民群 已在 王家畈社区 用过，全县的群名不能重复'],
      ['wufenggang.yaml', '群名 王家畈桂花苑业主群 已在 王家畈社区 用过，全县的群名不能重复'],
    ]);
  });
});
