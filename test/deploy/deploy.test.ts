import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scratchDir } from '../../src/scratch.js';

const UNIT = path.resolve('deploy/gridbot@.service');
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;
// CI installs systemd (.ci/run): there the check must run, not be skipped.
const runVerify = hasSystemd || process.env.CI === 'true';

function unitSettings(text: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (m) settings.set(m[1], [...(settings.get(m[1]) ?? []), m[2]]);
  }
  return settings;
}

describe('the systemd unit template', () => {
  it.runIf(runVerify)('passes systemd-analyze verify for an instance, with no warning', () => {
    const dir = scratchDir('gridbot-unit-');
    try {
      fs.copyFileSync(UNIT, path.join(dir.path, 'gridbot@.service'));
      const run = spawnSync('systemd-analyze', ['verify', path.join(dir.path, 'gridbot@jinsha.service')], { encoding: 'utf8' });
      expect(run.stderr + run.stdout).toBe('');
      expect(run.status).toBe(0);
    } finally {
      dir.remove();
    }
  });

  it('restarts always, runs as its own user, and keeps each account in its own data folder', () => {
    const s = unitSettings(fs.readFileSync(UNIT, 'utf8'));
    expect(s.get('Restart')).toEqual(['always']);
    expect(s.get('User')).toEqual(['gridbot']);
    expect(s.get('StateDirectory')).toEqual(['gridbot/%i']);
    const env = s.get('Environment') ?? [];
    for (const key of ['DATABASE_URL=file:/var/lib/gridbot/%i/', 'WECHATY_NAME=/var/lib/gridbot/%i/', 'GRIDBOT_MEDIA_DIR=/var/lib/gridbot/%i/']) {
      expect(env.some((e) => e.startsWith(key))).toBe(true);
    }
    expect(s.get('ReadWritePaths')).toEqual(['/var/lib/gridbot/%i']);
  });
});

describe('compose.yaml', () => {
  const compose = parse(fs.readFileSync(path.resolve('deploy/compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { restart?: string; volumes?: string[]; environment?: Record<string, string>; env_file?: string; profiles?: string[] }>;
    volumes: Record<string, unknown>;
  };

  it('has PostgreSQL with its data in a volume, and every bot restarting with its state in a volume of its own', () => {
    const pg = compose.services.postgres;
    expect(pg.restart).toBe('always');
    expect(pg.volumes).toContain('pgdata:/var/lib/postgresql/data');
    const bots = Object.entries(compose.services).filter(([name]) => name.startsWith('bot-'));
    expect(bots.length).toBeGreaterThan(0);
    const stateVolumes = new Set<string>();
    for (const [, bot] of bots) {
      expect(bot.restart).toBe('always');
      const state = bot.volumes?.find((v) => v.endsWith(':/var/lib/gridbot'));
      expect(state).toBeDefined();
      stateVolumes.add(state!.split(':')[0]);
      expect(bot.environment?.WECHATY_NAME).toMatch(/^\/var\/lib\/gridbot\//);
      expect(bot.environment?.DATABASE_URL).toContain('/var/lib/gridbot/');
      expect(compose.volumes).toHaveProperty(state!.split(':')[0]);
    }
    expect(stateVolumes.size).toBe(bots.length);
  });
});
