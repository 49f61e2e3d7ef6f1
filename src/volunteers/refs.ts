/** Activities are `#A1…`, redemptions `#R1…`: a letter keeps them apart from ticket numbers. */

export const activityRef = (id: number) => `A${id}`;
export const redemptionRef = (id: number) => `R${id}`;

/** `#A1`, `A1`, `#a 1`, `＃A1` (already normalised), `#1`, `1` → 1. */
export function parseActivityRef(token: string | undefined): number | undefined {
  return parseLettered(token, 'a');
}

/** `#R3`, `R3`, `3` → 3. */
export function parseRedemptionRef(token: string | undefined): number | undefined {
  return parseLettered(token, 'r');
}

function parseLettered(token: string | undefined, letter: string): number | undefined {
  if (!token) return undefined;
  const m = new RegExp(`^#?\\s*(?:${letter})?\\s*(\\d{1,9})$`, 'i').exec(token.trim());
  return m ? Number(m[1]) : undefined;
}

/** The activity reference a text mentions anywhere (`报名#A2 谢谢`), if any. */
export function findActivityRef(text: string): number | undefined {
  const m = /#\s*A\s*(\d{1,9})|\bA(\d{1,9})\b/i.exec(text);
  return m ? Number(m[1] ?? m[2]) : undefined;
}
