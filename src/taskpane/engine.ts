// The engine functions the pane uses, passed to <App> as a prop so components never import
// the engine directly and tests can substitute any part of it.
import {
  FINDINGS_SHEET,
  SELF_EVAL_SHEET,
  findingsLayout,
  readKeptReasons,
  readReviews,
  selfEvaluationLayout,
  templateLayouts,
  validateWorkbook,
} from "../core";

export interface PaneEngine {
  validateWorkbook: typeof validateWorkbook;
  selfEvaluationLayout: typeof selfEvaluationLayout;
  findingsLayout: typeof findingsLayout;
  readReviews: typeof readReviews;
  readKeptReasons: typeof readKeptReasons;
  templateLayouts: typeof templateLayouts;
  findingsSheet: string;
  selfEvalSheet: string;
}

export const coreEngine: PaneEngine = {
  validateWorkbook,
  selfEvaluationLayout,
  findingsLayout,
  readReviews,
  readKeptReasons,
  templateLayouts,
  findingsSheet: FINDINGS_SHEET,
  selfEvalSheet: SELF_EVAL_SHEET,
};
