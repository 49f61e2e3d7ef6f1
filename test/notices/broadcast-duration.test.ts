import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { largeBroadcastNote } from '../../src/notices/messages.js';

const limits = loadConfig({}).send;

describe('what staff are told about a large broadcast', () => {
  it('says nothing for a few groups, minutes for dozens, and days beyond the daily share', () => {
    expect(largeBroadcastNote(5, limits)).toBe('');
    expect(largeBroadcastNote(60, limits)).toBe('（约需4分钟发完）');
    expect(largeBroadcastNote(300, limits)).toBe('（每天最多群发210条、余量留给居民回复和紧急消息，约需2天发完，次日7:00后继续）');
  });
});
