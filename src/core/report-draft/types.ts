// The draft 自评报告 (SPEC §11) as data: sections of headings, paragraphs and tables. Both hosts
// render this one model (render-docx.ts), so the CLI's file and the pane's download agree.

export interface ReportColumn {
  title: string;
  /** Share of the text width, in any unit: the renderer scales the widths to the page. */
  width: number;
  align: "left" | "center";
}

/** A table cell; null continues the cell above it (a vertical merge, as 一级/二级 on the form). */
export type ReportCell = string | null;

export interface ReportRow {
  cells: ReportCell[];
  bold?: boolean;
}

export type ReportBlock =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string; align?: "left" | "right"; indent?: boolean }
  | { kind: "table"; columns: ReportColumn[]; rows: ReportRow[] };

export interface ReportDraft {
  title: string;
  blocks: ReportBlock[];
  /** Document properties; the time is fixed by the workbook (1 January after the fund year) so
   * two renderings of one workbook give the same bytes. */
  meta: { title: string; subject: string; creator: string; time: string };
}
