// fill's patcher (ZipPackage) reads packages with the validator's zip reader: the same refusals.
import { strToU8, zipSync } from "fflate";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { ZipPackage } from "../../../src/cli/ooxml/package";
import { readXlsxBuffer, WorkbookReadError } from "../../../src/cli/xlsx";
import { Budget, inflateWhole } from "../../../src/cli/xlsx/zip";
import { EXAMPLE, FIXTURES_DIR } from "../helpers";

function readError(fn: () => unknown): WorkbookReadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("expected a WorkbookReadError");
}

/** The zip with the central directory's CRC-32 of `part` changed. */
function withBadCrc(buf: Uint8Array, part: string): Uint8Array {
  const out = Buffer.from(buf);
  const name = Buffer.from(part);
  for (let p = out.length - 46; p >= 0; p--) {
    if (out.readUInt32LE(p) === 0x02014b50 && out.readUInt16LE(p + 28) === name.length && out.subarray(p + 46, p + 46 + name.length).equals(name)) {
      out.writeUInt32LE((out.readUInt32LE(p + 16) ^ 1) >>> 0, p + 16);
      return out;
    }
  }
  throw new Error(`${part} not in the central directory`);
}

describe("ZipPackage on the validator's zip reader", () => {
  it("refuses parts whose names differ only in case, as the validator does", () => {
    const file = path.join(FIXTURES_DIR, "bad", "unreadable.case-twin-sheet.xlsx");
    const e = readError(() => new ZipPackage(fs.readFileSync(file)));
    expect(e.code).toBe("corrupt");
    expect(e.message).toContain("“xl/worksheets/sheet2.xml”和“xl/worksheets/Sheet2.xml”仅大小写不同");
  });

  it("checks the CRC-32 of a part it inflates, and copies the others raw", () => {
    const bad = withBadCrc(fs.readFileSync(EXAMPLE), "xl/worksheets/sheet1.xml");
    const pkg = new ZipPackage(bad);
    const e = readError(() => pkg.text("xl/worksheets/sheet1.xml"));
    expect(e.message).toContain("“xl/worksheets/sheet1.xml”的校验和（CRC-32）不符");
    expect(pkg.text("xl/workbook.xml")).toContain("<sheets>");
  });

  it("writes back what it read: the same grids, names kept byte for byte (a backslash too)", () => {
    const original = new Uint8Array(fs.readFileSync(EXAMPLE));
    expect(readXlsxBuffer(new ZipPackage(original).toBuffer())).toEqual(readXlsxBuffer(original));
    const odd = zipSync({ "docProps\\app.xml": strToU8("<Properties/>"), "[Content_Types].xml": strToU8("<Types/>") });
    const pkg = new ZipPackage(odd);
    expect(pkg.names()).toEqual(["docProps/app.xml", "[Content_Types].xml"]);
    expect(Buffer.from(pkg.toBuffer()).includes(Buffer.from("docProps\\app.xml"))).toBe(true);
  });

  it("refuses a truncated file", () => {
    const original = fs.readFileSync(EXAMPLE);
    expect(readError(() => new ZipPackage(original.subarray(0, original.length - 30))).code).toBe("truncated");
  });

  it("stops inflating a part at the budget (a bomb), with the reader's message", () => {
    const bomb = zlib.deflateRawSync(Buffer.alloc(1_000_000));
    const e = readError(() => inflateWhole({ name: "xl/worksheets/sheet1.xml", method: 8, flags: 0, crc: 0 }, bomb, new Budget(5000)));
    expect(e.code).toBe("too-large");
    expect(e.message).toContain("压缩炸弹");
  });
});
