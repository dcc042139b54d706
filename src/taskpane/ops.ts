// What the pane needs from the workbook: src/excel's WorkbookOps (createExcelOps() in Excel,
// a fake in tests). Components receive it as a prop and never call Excel themselves.
export type { ApiSupport, ReadProgress, Settings, WorkbookOps } from "../host/types";
