import { describe, expect, it } from 'vitest';
import { parseOrg, OrgFileError } from '../../src/org/load.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { readFixture } from '../support/sim.js';

const example = readFixture('examples/org.example.yaml');

function errorsOf(source: string) {
  try {
    parseOrg(source, 'org.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(OrgFileError);
    return (err as OrgFileError).errors;
  }
  throw new Error('expected the file to be rejected');
}

describe('the organisation file', () => {
  it('loads the shipped example with every post', () => {
    const dir = new OrgDirectory(parseOrg(example));
    expect(dir.communityName).toBe('金沙社区');
    expect(dir.holders('building_leader', { grid: '丽水鑫城', building: '1' }).map((p) => p.alias)).toEqual(['jiangtianrong']);
    expect(dir.unitHandling('utilities')?.alias).toBe('ranqizhou');
    expect(dir.room('丽水鑫城3栋邻里群')).toEqual({ topic: '丽水鑫城3栋邻里群', kind: 'residents', grid: '丽水鑫城', building: '3' });
    expect(dir.room('金沙社区工作群')?.kind).toBe('staff');
    expect(dir.isStaff('liujiawei')).toBe(true);
  });

  it.each([
    ['an unknown key', example.replace('    branch:\n      secretary: { name: 徐成朋', '    colour: red\n    branch:\n      secretary: { name: 徐成朋'), '未知的键 colour', 'grids.0', 'colour: red'],
    ['a missing required key', example.replace('    secretary: { name: 胡耿, wechat: hugeng }', '    secretary: { name: 胡耿 }'), '缺少必填项', 'community.committee.secretary.wechat', 'secretary: { name: 胡耿 }'],
    ['a category that does not exist', example.replace('handles: [security]', 'handles: [securty]'), '取值不对', 'community.committee.units.0.handles.0', 'securty'],
    ['a room naming a building the grid lacks', example.replace('building: "3" }', 'building: "9" }'), '楼栋 9', 'grids.0.rooms.1.building', 'building: "9"'],
  ])('rejects %s, naming its line', (_what, source, message, path, lineText) => {
    const errors = errorsOf(source);
    const error = errors.find((e) => e.path === path);
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error!.message).toContain(message);
    expect(source.split('\n')[error!.line - 1]).toContain(lineText);
  });

  it('keeps a phone number and whether it may be shown', () => {
    const withPhone = example.replace('building_leader: { name: 江天荣, wechat: jiangtianrong }', 'building_leader: { name: 江天荣, wechat: jiangtianrong, phone: "13800000001", phone_public: true }');
    const dir = new OrgDirectory(parseOrg(withPhone));
    expect(dir.person('jiangtianrong')).toMatchObject({ phone: '13800000001', phone_public: true });
    expect(dir.person('qiweihua')?.phone).toBeUndefined();
  });

  it('names the line of a YAML syntax error', () => {
    const errors = errorsOf('community:\n  name: x\n   staff: [\n');
    expect(errors[0].line).toBeGreaterThanOrEqual(2);
    expect(errors[0].message).toContain('YAML');
  });
});
