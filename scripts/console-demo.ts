/**
 * npm run console:demo
 * The staff console over a temporary database filled by the demo morning
 * (examples/morning.txt on the example organisation), for a first look without WeChat.
 * Prints `login <alias> <url>` for each person of the example organisation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, readDotEnv } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { EXAMPLE_ORG } from '../src/org/org-file.js';
import { loadOrgFile } from '../src/org/load.js';
import { OrgDirectory } from '../src/org/directory.js';
import { parseScript } from '../src/simulate/script.js';
import { Simulation } from '../src/simulate/run.js';
import { startConsole } from '../src/console/server.js';
import { createLoginLink } from '../src/store/console-auth.js';

const config = loadConfig(readDotEnv('.env'));
const log = createLogger('warn');
const org = loadOrgFile(EXAMPLE_ORG);
const sim = new Simulation({ org, onEvent: () => undefined, log });
const morning = fs.readFileSync(path.join(path.dirname(EXAMPLE_ORG), 'morning.txt'), 'utf8');
await sim.run(parseScript(morning, config.timeZone));

const port = config.console.port || 8080;
const publicUrl = config.console.port ? config.console.publicUrl : `http://${config.console.host}:${port}`;
const running = await startConsole(
  { db: sim.db, clock: sim.clock, config: { ...sim.config, console: { ...config.console, port, publicUrl } }, log, bot: sim.bot, chatStatus: () => sim.chat.status() },
  port,
);
// What the console queues (a note, a notice) goes out to the mock WeChat on the virtual clock.
const sender = setInterval(() => void sim.settle().catch(() => undefined), 2000);

console.log(`工作台演示：${running.url}（示例社区「${org.community.name}」的一个早晨，虚拟时间）`);
for (const alias of new Set(new OrgDirectory(org).posts.map((p) => p.alias))) {
  console.log(`login ${alias} ${publicUrl}/login/link/${await createLoginLink(sim.db, sim.clock, alias)}`);
}
console.log('按 Ctrl-C 退出。');

const stop = async () => {
  clearInterval(sender);
  await running.close();
  await sim.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
