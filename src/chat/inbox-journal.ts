import fs from 'node:fs';
import type { ChatMessage } from './port.js';

/**
 * A write-ahead file of arriving messages. Appending is synchronous: a message is on
 * disk before the handler returns to the event loop, so a crash at any later moment
 * cannot lose it — not even one waiting for the database. At the next start what the
 * file holds is stored (the database skips what it already has, by message id).
 * Messages with a photo or voice file are not journalled: their file goes straight to
 * the media folder and the database.
 */
export class InboxJournal {
  constructor(private readonly file: string) {}

  private get aside(): string {
    return `${this.file}.replay`;
  }

  append(message: ChatMessage): void {
    if (message.media) return;
    fs.appendFileSync(this.file, `${JSON.stringify(message)}\n`);
  }

  /** Moves the journal aside (new arrivals start a fresh one) and returns what it held. */
  takeAll(): ChatMessage[] {
    if (fs.existsSync(this.file)) {
      if (fs.existsSync(this.aside)) {
        fs.appendFileSync(this.aside, fs.readFileSync(this.file));
        fs.unlinkSync(this.file);
      } else {
        fs.renameSync(this.file, this.aside);
      }
    }
    if (!fs.existsSync(this.aside)) return [];
    const out: ChatMessage[] = [];
    for (const line of fs.readFileSync(this.aside, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const m = JSON.parse(line) as ChatMessage & { sentAt: string };
        out.push({ ...m, sentAt: new Date(m.sentAt) });
      } catch {
        // A line cut short by the crash itself: that message was never handed over whole.
      }
    }
    return out;
  }

  /** Everything taken is now in the database. */
  done(): void {
    fs.rmSync(this.aside, { force: true });
  }
}
