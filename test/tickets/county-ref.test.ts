import { describe, expect, it } from 'vitest';
import { parseTicketRef, TICKET_REF } from '../../src/tickets/ticket-args.js';
import { shortCommunityName } from '../../src/tickets/county-ref.js';

describe('a ticket written with its community (金沙#12)', () => {
  it('reads the community and the number, and a plain number as before', () => {
    expect(parseTicketRef('金沙#12', '查询 #3')).toEqual({ community: '金沙', id: 12, rest: '' });
    expect(parseTicketRef('金沙社区 #12 还没修', '查询 #3')).toEqual({ community: '金沙社区', id: 12, rest: '还没修' });
    expect(parseTicketRef('#12', '查询 #3')).toEqual({ id: 12, rest: '' });
    expect(parseTicketRef('12', '查询 #3')).toEqual({ id: 12, rest: '' });
    expect(() => parseTicketRef('金沙#', '查询 #3')).toThrow('请写工单编号');
  });

  it('is taken for a ticket number only with the #', () => {
    expect(TICKET_REF.test('王家畈#1')).toBe(true);
    expect(TICKET_REF.test('#1')).toBe(true);
    expect(TICKET_REF.test('1')).toBe(true);
    expect(TICKET_REF.test('a1')).toBe(false);
    expect(TICKET_REF.test('明天')).toBe(false);
  });

  it('writes a community short, without 社区', () => {
    expect(shortCommunityName('金沙社区')).toBe('金沙');
    expect(shortCommunityName('社区')).toBe('社区');
    expect(shortCommunityName('城关镇')).toBe('城关镇');
  });
});
