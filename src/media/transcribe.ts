import OpenAI, { toFile } from 'openai';
import type { OutboundFile } from '../chat/port.js';

/** Speech-to-text: the words of a voice note, or undefined when there are none. */
export interface Transcriber {
  transcribe(file: OutboundFile): Promise<string | undefined>;
}

export interface TranscriberOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

/** An OpenAI-compatible `/audio/transcriptions` endpoint (Whisper, or a local server). */
export function createTranscriber(options: TranscriberOptions): Transcriber {
  const client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey, timeout: options.timeoutMs, maxRetries: 0 });
  return {
    async transcribe(file) {
      const result = await client.audio.transcriptions.create({ file: await toFile(file.bytes, file.name), model: options.model });
      return typeof result.text === 'string' ? result.text : undefined;
    },
  };
}
