/**
 * What a script line says, beyond plain text (docs/interfaces.md §2): `[图片]`, `[视频]`,
 * `[语音 8s]`, `[位置 丽水鑫城3栋]`, and `「quoted」 reply`. Each goes through the mock
 * puppet as the real message type.
 */
export type SayContent =
  | { kind: 'text'; text: string }
  | { kind: 'image' }
  | { kind: 'video' }
  | { kind: 'audio'; seconds: number }
  | { kind: 'location'; name: string }
  | { kind: 'quote'; quoted: string; reply: string };

/** Reads a line's message; throws an Error with the reason when a form is malformed. */
export function readContent(text: string): SayContent {
  if (/^\[(图片|照片)\]$/.test(text)) return { kind: 'image' };
  if (text === '[视频]') return { kind: 'video' };
  const voice = /^\[语音(?:\s+(\S*))?\]$/.exec(text);
  if (voice) {
    const m = /^(\d{1,3})\s*(s|秒)?$/.exec(voice[1] ?? '');
    if (!m || Number(m[1]) < 1) throw new Error(`a voice note needs its length: [语音 8s], not ${text}`);
    return { kind: 'audio', seconds: Number(m[1]) };
  }
  const place = /^\[位置(?:\s+(.*))?\]$/.exec(text);
  if (place) {
    const name = (place[1] ?? '').trim();
    if (!name) throw new Error(`a location needs its name: [位置 丽水鑫城3栋], not ${text}`);
    return { kind: 'location', name };
  }
  const quote = /^「([^」]+)」\s*(.*)$/.exec(text);
  if (quote) {
    if (!quote[2].trim()) throw new Error(`a quote needs a reply after it: 「原话」 回复, not ${text}`);
    return { kind: 'quote', quoted: quote[1].trim(), reply: quote[2].trim() };
  }
  return { kind: 'text', text };
}
