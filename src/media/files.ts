import { readMediaFile, sendName } from '../chat/media.js';
import type { OutboundFile } from '../chat/port.js';
import type { Db } from '../store/db.js';
import { mediaById, mediaOfInbound, type MediaRow } from '../store/media.js';

function fileOf(dir: string, m: MediaRow | undefined): OutboundFile | undefined {
  if (!m) return undefined;
  const bytes = readMediaFile(dir, m.path);
  return bytes ? { kind: m.kind, name: sendName(m.kind, m.id), bytes } : undefined;
}

/** A stored photo or voice note ready to send; undefined when its row or file is gone. */
export async function loadOutboundFile(db: Db, dir: string, mediaId: number): Promise<OutboundFile | undefined> {
  return fileOf(dir, await mediaById(db, mediaId));
}

/** The file that came with a stored message. */
export async function loadInboundFile(db: Db, dir: string, inboundId: number): Promise<OutboundFile | undefined> {
  return fileOf(dir, await mediaOfInbound(db, inboundId));
}
