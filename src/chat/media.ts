/**
 * The media folder: residents' photos, videos and voice notes as files named by their
 * hash. Nothing here is served over HTTP; files leave only as WeChat messages to the
 * people a ticket concerns (and to the staff console behind its login).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MediaKind } from './port.js';

const EXTENSIONS: Record<MediaKind, string> = { image: 'jpg', video: 'mp4', audio: 'sil' };

export const MEDIA_LABELS: Record<MediaKind, string> = { image: '图片', video: '视频', audio: '语音' };

export interface SavedFile {
  /** Relative to the media folder. */
  path: string;
  sha256: string;
  size: number;
  /** False when the same file was already there (sent before): removing it is not ours to do. */
  created: boolean;
}

/** The file name WeChat shows for a forwarded file; the extension decides how it is shown. */
export function sendName(kind: MediaKind, id: number): string {
  return `${kind}-${id}.${EXTENSIONS[kind]}`;
}

function inside(dir: string, relative: string): string {
  const root = path.resolve(dir);
  const full = path.resolve(root, relative);
  // Paths come from our own rows, but never let one leave the folder.
  if (!full.startsWith(root + path.sep)) throw new Error(`media path outside the media folder: ${relative}`);
  return full;
}

/**
 * Writes the bytes under their hash: to a temporary name first, then renamed, so a
 * crash never leaves a half-written file under a real name.
 */
export function saveMediaFile(dir: string, kind: MediaKind, bytes: Buffer): SavedFile {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const relative = path.join(sha256.slice(0, 2), `${sha256}.${EXTENSIONS[kind]}`);
  const full = inside(dir, relative);
  if (fs.existsSync(full)) return { path: relative, sha256, size: bytes.length, created: false };
  fs.mkdirSync(path.dirname(full), { recursive: true, mode: 0o700 });
  const temporary = `${full}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, bytes, { mode: 0o600 });
    fs.renameSync(temporary, full);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw err;
  }
  return { path: relative, sha256, size: bytes.length, created: true };
}

export function removeMediaFile(dir: string, relative: string): void {
  fs.rmSync(inside(dir, relative), { force: true });
}

/** The bytes of a stored file, or undefined when it is gone. */
export function readMediaFile(dir: string, relative: string): Buffer | undefined {
  try {
    return fs.readFileSync(inside(dir, relative));
  } catch {
    return undefined;
  }
}

/** `[图片]`, `[语音 8s]`: how a media message reads in the transcript and the database. */
export function mediaText(kind: MediaKind, durationMs?: number | null): string {
  if (kind === 'audio' && durationMs) return `[语音 ${Math.max(1, Math.round(durationMs / 1000))}s]`;
  return `[${MEDIA_LABELS[kind]}]`;
}
