import { types, type Message } from 'wechaty';
import type { ChatMessage, InboundMedia, MediaKind } from './port.js';

/** What a WeChat message carries beyond who sent it where. */
export type MessageContent = Pick<ChatMessage, 'text' | 'media' | 'location' | 'quote'>;

const MEDIA_TYPES = new Map<number, MediaKind>([
  [types.Message.Image, 'image'],
  [types.Message.Video, 'video'],
  [types.Message.Audio, 'audio'],
]);

/** The separator WeChat puts between a quoted message and the reply (a row of "- "). */
const QUOTE = /^「([\s\S]*)」\s*\n\s*(?:-\s*){6,}\n([\s\S]*)$/;
/** The quoted speaker's name before `：` — short, on one line. */
const QUOTED_NAME = /^([^：:\n「」]{1,24})[：:]([\s\S]*)$/;

/**
 * Reads a quote the way WeChat's protocols deliver it: as a text message
 * `「name：quoted」\n- - - - - -\nreply`. The name part is optional.
 */
export function parseQuote(raw: string): Pick<ChatMessage, 'text' | 'quote'> {
  const m = QUOTE.exec(raw);
  if (!m) return { text: raw };
  const inner = m[1].trim();
  const named = QUOTED_NAME.exec(inner);
  // The text keeps the name part: a short quoted line may itself contain `：`.
  const quote = named ? { name: named[1].trim(), text: inner } : { text: inner };
  return { text: m[2].trim(), quote };
}

/** Writes a quote in WeChat's form (the simulator's mock sends it so). */
export function formatQuote(quoted: string, reply: string, name?: string): string {
  return `「${name ? `${name}：` : ''}${quoted}」\n- - - - - - - - - - - - - - -\n${reply}`;
}

/**
 * The content of a message of a kind the bot understands, else undefined (emoticons,
 * transfers, mini programs… are not for us).
 */
export async function readMessageKind(message: Message): Promise<MessageContent | undefined> {
  const type = message.type();
  if (type === types.Message.Text) return parseQuote(message.text());
  const kind = MEDIA_TYPES.get(type);
  if (kind) {
    // Fetched only when read: a file from a group the bot does not serve is never downloaded.
    const media: InboundMedia = {
      kind,
      read: async (maxBytes) => {
        const box = await message.toFileBox();
        // A length the protocol cannot mean (over a day) is dropped rather than stored.
        const length = Number((box.metadata as { voiceLength?: unknown } | undefined)?.voiceLength);
        if (Number.isFinite(length) && length > 0 && length < 86_400_000) media.durationMs = Math.round(length);
        // The size is known before loading for most boxes; check again after.
        if (box.size > maxBytes) return 'too_large';
        const bytes = await box.toBuffer();
        return bytes.length > maxBytes ? 'too_large' : bytes;
      },
    };
    return { text: '', media };
  }
  if (type === types.Message.Location) {
    // Asked of the puppet: wechaty 1.20's Message.toLocation() cannot build its Location class.
    const puppet = (message as unknown as { wechaty: { puppet: { messageLocation(id: string): Promise<{ name?: string; address?: string }> } } }).wechaty.puppet;
    const location = await puppet.messageLocation(message.id);
    return { text: '', location: { name: location.name ?? '', address: location.address ?? '' } };
  }
  return undefined;
}
