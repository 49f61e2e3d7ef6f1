/**
 * npm run simulate -- --org ORG.yaml|FOLDER --script CHAT.txt [--json]
 * Exit status: 0 when the script ran to its end, 2 on a malformed org file or script.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../store/database-url.js';
import { OrgFileError } from '../org/load.js';
import { loadCounty } from '../org/county.js';
import { DeploymentError, deploymentsOf } from '../org/deployment.js';
import type { County } from '../org/types.js';
import { DEFAULT_TIME_ZONE, formatLocal, isoLocal } from '../time.js';
import type { BotEvent } from '../events.js';
import { parseScript, ScriptError, type ScriptStep } from './script.js';
import { Simulation, type SimulationOptions } from './run.js';
import { CountySimulation } from './county-run.js';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run simulate -- --org ORG.yaml --script CHAT.txt [--json] [--database postgresql://…]`);
  process.exit(2);
}

const timeZone = DEFAULT_TIME_ZONE;

function describeEvent(e: BotEvent, botName: string): string {
  switch (e.kind) {
    case 'say':
      return e.room
        ? `  [${e.room}] ${botName}${e.account ? `〔${e.account}〕` : ''}: ${e.text.replace(/\n/g, '\n      ')}`
        : `  →${e.account ? `〔${e.account}〕` : ''} ${e.to}: ${e.text.replace(/\n/g, '\n      ')}`;
    case 'ticket':
      return `  · ${e.community ? `${String(e.community)} ` : ''}工单 #${e.id} ${e.status}${e.escalated ? '（上报）' : ''} ${e.category}/${e.urgency} ${e.tier} → ${e.assignees.join(', ') || '-'}${e.into ? ` 并入 #${e.into}` : ''}`;
    case 'notice':
      return `  · 通知 ${e.id} 已发到 ${e.room}`;
    case 'signup':
      return `  · 活动 ${e.activity} ${e.who} ${e.status}`;
    case 'points':
      return `  · 积分 ${e.who} ${e.delta > 0 ? '+' : ''}${e.delta} = ${e.balance}（${e.reason}）`;
    case 'refused':
      return `  ✗ 拒绝 ${e.who} 的「${e.command}」：${e.reason}`;
  }
}

function describeInput(step: ScriptStep, at: Date): string | undefined {
  if (step.kind === 'say') return `${formatLocal(at, timeZone).slice(11)} ${step.room ? `[${step.room}]` : '[私聊]'} ${step.name}: ${step.text}`;
  if (step.kind === 'at') return `—— ${formatLocal(step.time, timeZone)} ——`;
  if (step.kind === 'presence') return `—— 账号 ${step.account} ${step.online ? '上线' : '离线'} ——`;
  if (step.kind === 'friend') return `—— ${step.name} ${step.friend ? '加为' : '不再是'} ${step.account} 的好友 ——`;
  return `—— 等待 ${Math.round(step.ms / 60_000)} 分钟 ——`;
}

async function main(): Promise<void> {
  // `npm run simulate … | head`: a closed pipe ends the run quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const { values } = parseArgs({
    options: { org: { type: 'string' }, script: { type: 'string' }, json: { type: 'boolean', default: false }, database: { type: 'string' } },
    allowPositionals: false,
  });
  if (!values.org) usage('missing --org');
  if (!values.script) usage('missing --script');
  let county: County;
  try {
    county = loadCounty(values.org);
    deploymentsOf(county);
  } catch (err) {
    if (err instanceof OrgFileError) {
      console.error(err.describe());
      process.exit(2);
    }
    if (err instanceof DeploymentError) {
      console.error(`${values.org}: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const org = county.communities[0];
  let steps: ScriptStep[];
  try {
    steps = parseScript(fs.readFileSync(values.script, 'utf8'), timeZone);
  } catch (err) {
    if (err instanceof ScriptError) {
      console.error(`${values.script}:${err.line}: ${err.message}`);
      process.exit(2);
    }
    console.error(`${values.script}: ${(err as Error).message}`);
    process.exit(2);
  }
  if (values.database !== undefined && !isPostgresUrl(values.database) && !values.database.startsWith('file:')) {
    usage('--database takes postgresql://… (or file:…)');
  }
  const json = values.json;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const options: Omit<SimulationOptions, 'org'> = {
    databaseUrl: values.database,
    onEvent: (e, at) => out(json ? JSON.stringify({ at: isoLocal(at, timeZone), ...e }) : describeEvent(e, org.community.bot_name ?? '网格助手')),
    onInput: json ? undefined : (step, at) => {
      const line = describeInput(step, at);
      if (line) out(line);
    },
  };
  // Today's one-community file runs exactly as before; a county runs a bot per account, all on one database.
  const sim = county.name === undefined ? new Simulation({ ...options, org }) : new CountySimulation(county, options);
  try {
    await sim.run(steps);
  } finally {
    await sim.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
