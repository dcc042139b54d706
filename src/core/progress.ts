// How far validateWorkbook has got, for a caller that shows it (the task pane's worker posts it
// to the progress bar). A plain callback the engine calls synchronously: no timers, no I/O.

export interface EngineProgress {
  /** "read": the role sheets parsed into the model; "rules": the rules run; "done": the result is ready. */
  phase: "read" | "rules" | "done";
  /** Rows of the role sheets parsed so far ("read"), rules run so far ("rules"); done = total at "done". */
  done: number;
  total: number;
  /** The sheet just parsed ("read"). */
  sheet?: string;
}

export type OnEngineProgress = (p: EngineProgress) => void;
