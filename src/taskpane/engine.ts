// The engine functions the pane uses, passed to <App> as a prop so components never import
// the engine directly and tests can substitute any part of it.
import {
  FINDINGS_SHEET,
  SELF_EVAL_SHEET,
  findingsLayout,
  hasReadableInput,
  readKeptReasons,
  reportDraft,
  reportFileName,
  readReviews,
  selfEvaluationLayout,
  templateLayouts,
  validateWorkbook,
  type ValidationResult,
} from "../core";
import { workerValidator, type ValidateAsync } from "./worker-validate";

export interface PaneEngine {
  validateWorkbook: typeof validateWorkbook;
  /** validateWorkbook off the main thread when it can be, cancelled by the signal. */
  validateAsync: ValidateAsync;
  selfEvaluationLayout: typeof selfEvaluationLayout;
  findingsLayout: typeof findingsLayout;
  readReviews: typeof readReviews;
  readKeptReasons: typeof readKeptReasons;
  templateLayouts: typeof templateLayouts;
  hasReadableInput: typeof hasReadableInput;
  /** The draft 自评报告 (SPEC §11): a file name and the .docx bytes the CLI's `report` writes. */
  reportDocx(result: ValidationResult): Promise<{ name: string; bytes: Uint8Array }>;
  findingsSheet: string;
  selfEvalSheet: string;
}

export const coreEngine: PaneEngine = {
  validateWorkbook,
  validateAsync: workerValidator(validateWorkbook, undefined, { prestart: true }),
  selfEvaluationLayout,
  findingsLayout,
  readReviews,
  readKeptReasons,
  templateLayouts,
  hasReadableInput,
  async reportDocx(result) {
    const draft = reportDraft(result);
    // The docx package is large: webpack puts it in a chunk loaded on the first report.
    const { renderReportDocx } = await import(/* webpackChunkName: "report-docx" */ "../core/report-draft/render-docx");
    return { name: reportFileName(draft), bytes: await renderReportDocx(draft) };
  },
  findingsSheet: FINDINGS_SHEET,
  selfEvalSheet: SELF_EVAL_SHEET,
};
