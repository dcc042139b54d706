// Builds xlsx packages by hand (fflate zipSync) for cases a writer library will not produce:
// 1904 dates, inline strings, phonetic runs, prefixed namespaces, odd styles.
import { strToU8, zipSync, type Zippable } from "fflate";

export interface HandSheet {
  name: string;
  /** The <sheetData> content (rows), or a whole worksheet document when it starts with "<?xml". */
  xml: string;
  state?: "hidden" | "veryHidden";
  /** Appended after </sheetData>, e.g. <mergeCells>…</mergeCells>. */
  tail?: string;
}

export interface HandWorkbook {
  sheets: HandSheet[];
  sharedStrings?: string[];
  /** Raw <si> elements, used instead of sharedStrings. */
  sharedStringsXml?: string;
  /** Raw styles.xml. */
  styles?: string;
  date1904?: boolean;
  extra?: Record<string, string | Uint8Array>;
  omit?: string[];
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** cellXfs: 0 general, 1 built-in date 14, 2 custom yyyy"年"m"月"d"日", 3 custom 0.00"元", 4 built-in 4 (#,##0.00). */
export const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;元&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs></styleSheet>`;

export function buildXlsx(wb: HandWorkbook): Uint8Array {
  const files: Zippable = {};
  const sheetsXml = wb.sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  files["[Content_Types].xml"] = strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0"?><workbook ${NS}>${wb.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${sheetsXml}</sheets></workbook>`,
  );
  const rels = wb.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  const si = wb.sharedStringsXml ?? (wb.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join("");
  files["xl/sharedStrings.xml"] = strToU8(`<?xml version="1.0"?><sst ${NS}>${si}</sst>`);
  files["xl/styles.xml"] = strToU8(wb.styles ?? DEFAULT_STYLES);
  wb.sheets.forEach((s, i) => {
    const doc = s.xml.startsWith("<?xml") ? s.xml : `<?xml version="1.0"?><worksheet ${NS}><sheetData>${s.xml}</sheetData>${s.tail ?? ""}</worksheet>`;
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(doc);
  });
  for (const [k, v] of Object.entries(wb.extra ?? {})) files[k] = typeof v === "string" ? strToU8(v) : v;
  for (const k of wb.omit ?? []) delete files[k];
  return zipSync(files);
}
