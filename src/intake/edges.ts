/**
 * The child edges of a trie in one open-addressed hash of (node, key) → child, at most
 * half full, for the two tries that are walked character by character on every message:
 * the prefilter's literals (prefilter.ts) and the learned component's n-grams (learned.ts).
 * A common character begins hundreds of literals or thousands of n-grams, and a binary
 * search over its children cost more per character than the rest of the walk.
 * The root (node 0) is left out: both tries read its children from a direct table.
 */
export interface EdgeTable {
  bits: number;
  node: Int32Array;
  key: Int32Array;
  child: Int32Array;
}

function slot(bits: number, node: number, key: number): number {
  return Math.imul(Math.imul(node, 0x85ebca6b) ^ key, 0x9e3779b1) >>> (32 - bits);
}

/** `children[n]` holds node n's children by key (a UTF-16 unit or a code point). */
export function edgeTable(children: readonly (ReadonlyMap<number, number> | null | undefined)[]): EdgeTable {
  let edges = 0;
  for (let n = 1; n < children.length; n++) edges += children[n]?.size ?? 0;
  let bits = 1;
  while (1 << bits < 2 * edges) bits++;
  const t: EdgeTable = { bits, node: new Int32Array(1 << bits).fill(-1), key: new Int32Array(1 << bits), child: new Int32Array(1 << bits) };
  const mask = (1 << bits) - 1;
  for (let n = 1; n < children.length; n++)
    for (const [k, c] of children[n] ?? []) {
      let h = slot(bits, n, k);
      while (t.node[h] !== -1) h = (h + 1) & mask;
      t.node[h] = n;
      t.key[h] = k;
      t.child[h] = c;
    }
  return t;
}

/** The child of `node` by `key`, or -1. */
export function childOf(t: EdgeTable, node: number, key: number): number {
  const mask = (1 << t.bits) - 1;
  for (let h = slot(t.bits, node, key); ; h = (h + 1) & mask) {
    const at = t.node[h]!;
    if (at === node && t.key[h] === key) return t.child[h]!;
    if (at === -1) return -1;
  }
}
