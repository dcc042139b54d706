// Joins inflated chunks for a scanner that consumes whole elements: the scanner returns how
// far it got, and the unconsumed tail (an element cut by a chunk boundary) is carried over.
import { WorkbookReadError } from "./errors";

/** Consumes complete elements from `buf`; returns the offset of the first unconsumed byte. */
export type Consume = (buf: Buffer, final: boolean) => number;

/** No legitimate element (a 32,767-character cell with a formula) comes near this. */
export const MAX_ELEMENT_BYTES = 16 * 1024 * 1024;

/**
 * Refuses a part in UTF-16 (a byte-order mark, or "<" as a 16-bit unit): Excel writes UTF-8 only,
 * and the byte scanners would read such a part as noise.
 */
export function checkUtf8(part: string, head: Uint8Array): void {
  if (head.length < 2) return;
  const a = head[0];
  const b = head[1];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0x3c && b === 0) || (a === 0 && b === 0x3c)) {
    throw new WorkbookReadError("corrupt", `工作簿已损坏（“${part}”是 UTF-16 编码，Excel 保存的工作簿都是 UTF-8）：请在 Excel 中打开并另存为 .xlsx（Excel 工作簿）后重试`);
  }
}

export class Feed {
  private carry: Buffer = Buffer.alloc(0);
  private carryLen = 0;
  private started = false;

  constructor(
    private readonly consume: Consume,
    private readonly part: string,
  ) {}

  push = (chunk: Uint8Array, final: boolean): void => {
    if (!this.started && chunk.length > 0) {
      this.started = true;
      checkUtf8(this.part, chunk);
    }
    let data: Buffer;
    const fromCarry = this.carryLen > 0;
    if (!fromCarry) {
      data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } else {
      const need = this.carryLen + chunk.length;
      if (need > this.carry.length) {
        const grown = Buffer.allocUnsafe(Math.max(need, this.carry.length * 2));
        this.carry.copy(grown, 0, 0, this.carryLen);
        this.carry = grown;
      }
      this.carry.set(chunk, this.carryLen);
      data = this.carry.subarray(0, need);
    }
    const used = this.consume(data, final);
    const rest = data.length - used;
    if (rest > MAX_ELEMENT_BYTES) {
      throw new WorkbookReadError("too-large", `“${this.part}”中有一个元素超过 ${MAX_ELEMENT_BYTES / 1024 / 1024} MiB（不是正常的 Excel 内容），已停止读取：请确认文件来源`);
    }
    if (final) {
      if (rest > 0) throw new WorkbookReadError("corrupt", `工作簿已损坏（“${this.part}”的内容不完整）：请在 Excel 中打开（Excel 会提示修复）并另存为 .xlsx（Excel 工作簿）后重试`);
      this.carryLen = 0;
      this.carry = Buffer.alloc(0);
      return;
    }
    if (fromCarry) {
      this.carry.copyWithin(0, used, data.length);
    } else {
      if (rest > this.carry.length) this.carry = Buffer.allocUnsafe(Math.max(rest, 64 * 1024));
      data.copy(this.carry, 0, used, data.length);
    }
    this.carryLen = rest;
  };
}
