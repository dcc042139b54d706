// Hashing and a packed hash table for finding repeated spending lines among 100k: speed only, no policy.

/**
 * FNV-1a over a string two UTF-16 units per step, continuing from h; a signed int32 (a small
 * integer to V8, never boxed). Weaker than FNV over bytes, so the table index goes through mix();
 * every hit is verified anyway.
 */
function fnv(s: string, h: number): number {
  const n = s.length - 1;
  let i = 0;
  for (; i < n; i += 2) h = Math.imul(h ^ (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)), 16777619);
  if (i === n) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h | 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the low bits the table index uses. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

const FNV_OFFSET = 2166136261 | 0;

/** Line index + 1 fits in the low INDEX_BITS of a slot (a sheet has at most 1,048,576 rows). */
const INDEX_BITS = 21;
const INDEX_MASK = (1 << INDEX_BITS) - 1;

/**
 * Line indices in an open-addressing hash table (linear probing): with 100k lines a Map costs an
 * entry per line and its rehashing, and most lookups miss. A slot is one int32, the line index + 1
 * (0 = empty) under the hash's top 11 bits, so a probe reads 4 bytes and the table (2 slots per
 * line) stays at 1 MB for 100k lines. A tag match is verified by the caller's comparison; beyond
 * 2^21 lines the tags are left out and every probe compares.
 */
export class LineIndex {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(lines: number, private readonly tagged = lines < INDEX_MASK) {
    let size = 16;
    while (size < lines * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The stored line that is the same as line i, else -1 after storing i. */
  firstOrAdd(hash: number, i: number, same: (stored: number, i: number) => boolean): number {
    const t = this.table;
    const tag = this.tagged ? hash & ~INDEX_MASK : 0;
    let s = hash & this.mask;
    for (let slot = t[s]; slot !== 0; slot = t[s]) {
      if ((slot & ~INDEX_MASK) === tag && same((slot & INDEX_MASK) - 1, i)) return (slot & INDEX_MASK) - 1;
      s = (s + 1) & this.mask;
    }
    t[s] = tag | (i + 1);
    return -1;
  }
}

/** A spending line's hash for identical-line lookup, from its recipient's name hash (fnv of normName). */
export function lineHash(nameHash: number, content: string, amountFen: number | null, date: Date | null): number {
  return mix(Math.imul(fnv(content, nameHash) ^ ((amountFen ?? -1) | 0), 16777619) ^ (date ? (date.getTime() / 86400000) | 0 : -1));
}

/** A voucher's hash for LineIndex. */
export function hashText(s: string): number {
  return mix(fnv(s, FNV_OFFSET));
}

/** A recipient's name hash, the seed of its lines' lineHash. */
export function hashName(name: string): number {
  return fnv(name, FNV_OFFSET);
}
