import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import { loadCounty } from './county.js';
import type { County } from './types.js';

export const EXAMPLE_ORG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/org.example.yaml');

/**
 * The configured organisation (one community's file, a county file or a folder), or the
 * shipped example (with a warning) when it is missing.
 */
export function resolveOrgFile(configured: string, log: Logger): { file: string; county: County } {
  const file = path.resolve(configured);
  if (fs.existsSync(file)) return { file, county: loadCounty(file) };
  log.warn({ missing: file }, `没有组织文件 ${configured}，先用示例社区；请复制 examples/org.example.yaml 为 org.yaml 并修改 (organisation file not found)`);
  return { file: EXAMPLE_ORG, county: loadCounty(EXAMPLE_ORG) };
}
