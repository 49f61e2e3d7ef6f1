/**
 * Server-rendered HTML with escaping by default: every value put into `h` is escaped
 * unless it is itself `h` output. Residents' words reach these pages, so nothing is
 * inserted raw by accident.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function piece(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

export function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1];
  });
  return new Html(out);
}

/** Trusted markup made by our own code (an SVG the server drew, say). */
export const trusted = (text: string) => new Html(text);

/** JSON for a `<script type="application/json">` block: `<` never closes the tag. */
export const jsonBlock = (value: unknown) => new Html(JSON.stringify(value).replace(/</g, '\\u003c'));
