// Renders a ReportDraft as a .docx with the maintained `docx` package, in Node and in the browser
// alike. Typography of Chinese official documents (GB/T 9704): title 方正小标宋 二号, headings
// 黑体 三号, body 仿宋_GB2312 三号 at a fixed 28 pt line, tables 四号/小四, A4 portrait, page
// numbers "— 1 —" in the footer. The bytes depend on the draft only (see fixZipTimes).
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { coreXml, fontTableXml, FONTS } from "./fonts";
import type { ReportBlock, ReportDraft } from "./types";
import { fixZipTimes } from "./zip-time";

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24 } as const;
/** A4 in twips, margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 28 pt fixed line pitch of the body; two characters of first-line indent. */
const LINE = 560;
const INDENT = 2 * 320;

/** Marks the text as Simplified Chinese, so renderers pick the SC forms of shared CJK fonts. */
const ZH = { eastAsia: "zh-CN" };

const font = (name: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

function run(text: string, opts: { font?: string; size?: number; bold?: boolean } = {}): TextRun {
  return new TextRun({ text, font: font(opts.font ?? FONTS.body), size: opts.size ?? SIZE.三号, bold: opts.bold, language: ZH });
}

function block(b: ReportBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [
        new Paragraph({
          children: [run(b.text, b.level === 1 ? { font: FONTS.heading } : { bold: true })],
          indent: { firstLine: INDENT },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          keepNext: true,
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          children: [run(b.text)],
          alignment: b.align === "right" ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
          indent: b.align === "right" ? { right: INDENT } : { firstLine: INDENT },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        }),
      ];
    case "table":
      return [table(b), new Paragraph({ children: [], spacing: { line: LINE, lineRule: LineRuleType.EXACT } })];
  }
}

function table(b: Extract<ReportBlock, { kind: "table" }>): Table {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  // Wide tables (many columns) in 小四, the others in 四号.
  const size = b.columns.length > 5 ? SIZE.小四 : SIZE.四号;
  const cell = (text: string, i: number, opts: { bold?: boolean; header?: boolean; merge?: "restart" | "continue" }): TableCell =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(text, { size, bold: opts.bold || opts.header, font: opts.header ? FONTS.heading : FONTS.body })],
          alignment: opts.header || b.columns[i].align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
        }),
      ],
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(opts.merge ? { verticalMerge: opts.merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.title, i, { header: true })) });
  const rows = b.rows.map(
    (r, ri) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((text, i) => {
          const below = b.rows[ri + 1]?.cells[i];
          const merge = text === null ? "continue" : below === null ? "restart" : undefined;
          return cell(text ?? "", i, { bold: r.bold, merge });
        }),
      }),
  );
  return new Table({ rows: [header, ...rows], columnWidths: widths, width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA } });
}

export function reportDocument(draft: ReportDraft): Document {
  const title = new Paragraph({
    children: [run(draft.title, { font: FONTS.title, size: SIZE.二号 })],
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: LINE, line: 700, lineRule: LineRuleType.EXACT },
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FONTS.pageNumber), size: SIZE.四号 })],
      }),
    ],
  });
  return new Document({
    title: draft.meta.title,
    subject: draft.meta.subject,
    creator: draft.meta.creator,
    lastModifiedBy: draft.meta.creator,
    revision: 1,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.三号, language: ZH } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 1134 } } },
        footers: { default: footer },
        children: [title, ...draft.blocks.flatMap(block)],
      },
    ],
  });
}

/** The .docx bytes of a draft; the same draft gives the same bytes in any host and time zone. */
export async function renderReportDocx(draft: ReportDraft): Promise<Uint8Array> {
  const overrides = [
    { path: "docProps/core.xml", data: coreXml(draft.meta) },
    { path: "word/fontTable.xml", data: fontTableXml() },
  ];
  const bytes = new Uint8Array(await Packer.toArrayBuffer(reportDocument(draft), false, overrides));
  return fixZipTimes(bytes);
}
