// The packed rows the pane sends the validation worker: every kind of cell comes back as it went,
// holes stay holes, and a text crosses once however many slices repeat it.
import { CellError, type CellValue } from "../../src/core";
import { RecordPacker, RecordUnpacker, RowPacker, RowUnpacker, transferables } from "../../src/taskpane/grid-transfer";

describe("grid transfer", () => {
  it("round-trips every kind of cell, sparse rows and trailing holes", () => {
    const date = new Date(Date.UTC(2021, 4, 6));
    const sparse: CellValue[][] = [];
    sparse[0] = ["名称", 1.25, -0, null, true, false, date, new CellError("#DIV/0!"), ""];
    sparse[3] = [null, "益阳"];
    const holed: CellValue[] = ["a"];
    holed[3] = 7;
    holed.length = 6;
    sparse[4] = holed;
    sparse.length = 6;
    const packed = new RowPacker().pack(sparse);
    const back = new RowUnpacker().unpack(structuredClone(packed, { transfer: transferables(packed) }));
    expect(back).toHaveLength(6);
    expect(1 in back).toBe(false);
    expect(5 in back).toBe(false);
    expect(back[0]).toEqual(sparse[0]);
    expect(Object.is(back[0][2], -0)).toBe(true);
    expect(back[0][6]).toBeInstanceOf(Date);
    expect((back[0][6] as Date).getTime()).toBe(date.getTime());
    expect(back[0][7]).toBeInstanceOf(CellError);
    expect((back[0][7] as CellError).code).toBe("#DIV/0!");
    expect(back[3]).toEqual([null, "益阳"]);
    expect(back[4]).toHaveLength(6);
    expect([1 in back[4], 3 in back[4], 5 in back[4]]).toEqual([false, true, false]);
    expect(back[4][3]).toBe(7);
  });

  it("sends each text once across slices, in order", () => {
    const packer = new RowPacker();
    const unpacker = new RowUnpacker();
    const a = packer.pack([["甲公司", "培训"], ["乙公司", "培训"]]);
    const b = packer.pack([["甲公司", "差旅"]]);
    expect(a.newStrings).toEqual(["甲公司", "培训", "乙公司"]);
    expect(b.newStrings).toEqual(["差旅"]);
    expect(unpacker.unpack(a)).toEqual([["甲公司", "培训"], ["乙公司", "培训"]]);
    expect(unpacker.unpack(b)).toEqual([["甲公司", "差旅"]]);
  });

  it("rebuilds records with their keys in order, absent values kept, texts and key lists sent once", () => {
    const packer = new RecordPacker();
    const unpacker = new RecordUnpacker();
    const a = [
      { code: "forbidden-spending", cell: "支出明细!E8", row: 8, amount: 1000.5, raw: undefined, ok: true, none: null },
      { code: "forbidden-spending", cell: "支出明细!E9", row: 9, amount: -0, raw: undefined, ok: false, none: null },
      { cell: "项目信息!B3", code: "missing-field", extra: { kind: "json", n: [1, 2] } },
    ];
    const b = [{ code: "forbidden-spending", cell: "支出明细!E8", row: 10, amount: 1, raw: "x", ok: true, none: null }];
    const pa = packer.pack(a);
    const pb = packer.pack(b);
    expect(pa.newShapes).toHaveLength(2);
    expect(pb.newShapes).toHaveLength(0);
    expect(pb.newStrings).toEqual(["x"]);
    const backA = unpacker.unpack<Record<string, unknown>>(structuredClone(pa, { transfer: transferables(pa) }));
    const backB = unpacker.unpack<Record<string, unknown>>(pb);
    expect(backA).toStrictEqual(a);
    expect(backB).toStrictEqual(b);
    expect(backA.map((r) => Object.keys(r))).toEqual(a.map((r) => Object.keys(r)));
    expect("raw" in backA[0]).toBe(true);
    expect(Object.is(backA[1].amount, -0)).toBe(true);
  });
});
