// Public surface of the engine. Front ends (CLI, add-in) import only from here.
export * from "./grid";
export * from "./layout";
export * from "./types";
export { validateWorkbook, RULESET_VERSION } from "./validate";
export type { EngineProgress, OnEngineProgress } from "./progress";
export { JSON_FINDING_FIELDS, reportedResult, toJsonFinding, toJsonReport, withoutLines, type JsonFinding, type JsonReport } from "./report";
export { selfEvaluationLayout, readKeptReasons, SELF_EVAL_SHEET } from "./self-eval";
export { hasReadableInput } from "./form/input";
export { findingsLayout, readReviews, FINDINGS_SHEET, type Review } from "./findings-sheet";
export { templateLayouts } from "./template";
export { formatWan, formatYuan } from "./messages/format";
export { NOTE_PREFIX, OUTPUT_SHEETS, SEVERITY_LABEL, markLine, markNote } from "./marks";
// The report's model only: its .docx renderer (core/report-draft/render-docx) pulls in the docx
// package, so the hosts load it on demand.
export { reportDraft, reportFileName } from "./report-draft/draft";
export type { ReportBlock, ReportCell, ReportColumn, ReportDraft, ReportRow } from "./report-draft/types";
