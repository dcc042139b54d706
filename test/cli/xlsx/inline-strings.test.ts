// The inline-string path (openpyxl writes every text cell as <is><t>, every non-ASCII character as
// "&#NNNNN;") must give what the shared-string path gives: the same grids, the same validate JSON.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import * as fs from "fs";
import * as path from "path";
import { decodeText } from "../../../src/cli/xlsx/bytes";
import { decodeAsciiXmlText, decodeXmlText } from "../../../src/cli/xlsx/xml-text";
import { readXlsxBuffer } from "../../../src/cli/xlsx";
import { EXAMPLE, cli, fixture, tempDir } from "../helpers";

/** Every character outside ASCII as a decimal reference, as openpyxl (etree) writes it. */
const asRefs = (s: string): string => [...s].map((ch) => (ch.codePointAt(0)! > 127 ? `&#${ch.codePointAt(0)};` : ch)).join("");

/** The shared strings of an xlsx package, still escaped, one per <si> (runs concatenated as written). */
function sharedStrings(files: Record<string, Uint8Array>): string[] {
  const part = Object.keys(files).find((k) => /(^|\/)sharedStrings\.xml$/i.test(k));
  if (!part) return [];
  const xml = strFromU8(files[part]);
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

/** The same workbook with each shared-string cell rewritten as an inline string (`refs`: openpyxl's escaping). */
function toInline(bytes: Uint8Array, refs: boolean): Uint8Array {
  const files = unzipSync(bytes);
  const sst = sharedStrings(files);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      out[name] = data;
      continue;
    }
    const xml = strFromU8(data).replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_all, before: string, after: string, k: string) => {
      const si = sst[Number(k)];
      const body = si.includes("<t") ? si : `<t>${si}</t>`;
      return `<c ${before}t="inlineStr"${after}><is>${refs ? asRefs(body) : body}</is></c>`;
    });
    if (/t="s"/.test(xml)) throw new Error(`${name}: a shared-string cell was left unconverted`);
    out[name] = strToU8(xml);
  }
  return zipSync(out);
}

describe("inline strings read as shared strings do", () => {
  const cases = [EXAMPLE, fixture("error.forbidden-category"), fixture("ok.injection"), fixture("error.unknown-recipient")];

  it.each(cases)("%s: identical grids and identical validate JSON", async (file) => {
    const shared = new Uint8Array(fs.readFileSync(file));
    const dir = tempDir();
    const json: string[] = [];
    for (const [label, bytes] of [
      ["shared", shared],
      ["inline-utf8", toInline(shared, false)],
      ["inline-refs", toInline(shared, true)],
    ] as const) {
      expect(readXlsxBuffer(bytes)).toEqual(readXlsxBuffer(shared));
      const target = path.join(dir, `${label}.xlsx`);
      fs.writeFileSync(target, bytes);
      const r = await cli(["validate", target, "--format", "json"]);
      expect(r.stderr).toBe("");
      json.push(r.stdout.split(JSON.stringify(target).slice(1, -1)).join("<workbook>"));
    }
    expect(json[1]).toBe(json[0]);
    expect(json[2]).toBe(json[0]);
    expect(JSON.parse(json[0]).findings.length).toBeGreaterThan(0);
  });
});

describe("decodeAsciiXmlText", () => {
  const bytes = (s: string): Buffer => Buffer.from(s, "utf8");

  it.each([
    ["&#20013;&#x6587;&#X20000;", "中文𠀀"],
    ["PZ-2021-0000001", "PZ-2021-0000001"],
    ["&amp;&lt;&gt;&quot;&apos;", "&<>\"'"],
    ["&constructor; &toString;", "&constructor; &toString;"],
    ["&x&amp; a", "&x&amp; a"],
    ["& alone &#; &#x; &#12a; &#0; &#1114112;", "& alone &#; &#x; &#12a; \ufffd \ufffd"],
    ["a_x000D_b&#95;x0041_", "a\rbA"],
    ["&#1234567890123;", "&#1234567890123;"],
  ])("%j -> %j, as decodeXmlText", (raw, want) => {
    expect(decodeAsciiXmlText(bytes(raw), 0, bytes(raw).length)).toBe(want);
    expect(decodeXmlText(raw)).toBe(want);
  });

  it("leaves CR and non-ASCII text to the string decoder", () => {
    const crlf = bytes("a\r\n&#20013;");
    const cjk = bytes("中&amp;");
    expect(decodeAsciiXmlText(crlf, 0, crlf.length)).toBeNull();
    expect(decodeAsciiXmlText(cjk, 0, cjk.length)).toBeNull();
    expect(decodeText(crlf, 0, crlf.length)).toBe("a\n中");
    expect(decodeText(cjk, 0, cjk.length)).toBe("中&");
  });

  it("agrees with decodeXmlText on 20,000 random texts", () => {
    const pieces = ["&", ";", "#", "x", "X", "_x", "_", "0", "4", "9", "a", "F", "amp", "lt", "quot", "apos", "gt", " ", "\r", "\n", "中", "😀", "&#", "&#x", "0041_", "&#20013;", "&#x1F600;", "&amp;"];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    let checked = 0;
    for (let k = 0; k < 20000; k++) {
      let s = "";
      const len = rand(16);
      for (let i = 0; i < len; i++) s += pieces[rand(pieces.length)];
      const b = bytes(`<${s}>`);
      expect(decodeText(b, 1, b.length - 1)).toBe(decodeXmlText(s));
      if (decodeAsciiXmlText(b, 1, b.length - 1) !== null) checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
