// One string per distinct byte span: an open-addressing table keyed by the raw bytes (kept in
// one arena), so a repeated text costs a hash and a compare over its bytes, and no allocation.

const SLOTS = 1 << 17;
/** At most this many texts and arena bytes: enough for a sheet's names and categories, bounded for a hostile one. */
const MAX_ENTRIES = SLOTS >> 1;
const MAX_ARENA = 8 * 1024 * 1024;

export class InternTable {
  private readonly slots = new Int32Array(SLOTS).fill(-1);
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: string[] = [];
  private arena = new Uint8Array(64 * 1024);
  private used = 0;

  /** The text for buf[a..b), made by `make` the first time these bytes are seen. */
  get<B extends Uint8Array>(buf: B, a: number, b: number, make: (buf: B, a: number, b: number) => string): string {
    let h = 0x811c9dc5;
    for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    let slot = h & (SLOTS - 1);
    const len = b - a;
    for (;;) {
      const k = this.slots[slot];
      if (k < 0) break;
      if (this.hashes[k] === h && this.ends[k] - this.starts[k] === len && this.same(k, buf, a, len)) return this.texts[k];
      slot = (slot + 1) & (SLOTS - 1);
    }
    const text = make(buf, a, b);
    if (this.texts.length < MAX_ENTRIES && this.used + len <= MAX_ARENA) {
      if (this.used + len > this.arena.length) {
        const grown = new Uint8Array(Math.min(MAX_ARENA, Math.max(this.used + len, this.arena.length * 2)));
        grown.set(this.arena.subarray(0, this.used));
        this.arena = grown;
      }
      this.arena.set(buf.subarray(a, b), this.used);
      this.slots[slot] = this.texts.length;
      this.hashes.push(h);
      this.starts.push(this.used);
      this.ends.push(this.used + len);
      this.texts.push(text);
      this.used += len;
    }
    return text;
  }

  private same(k: number, buf: Uint8Array, a: number, len: number): boolean {
    const arena = this.arena;
    const s = this.starts[k];
    for (let i = 0; i < len; i++) if (arena[s + i] !== buf[a + i]) return false;
    return true;
  }
}
