// The CLI's xlsx reader: a streaming, values-only reader that refuses hostile or non-xlsx
// files with a WorkbookReadError whose message says what to do.
export { readXlsxBuffer, readXlsxBufferAsync, readXlsxFile, DEFAULT_MAX_CELLS, DEFAULT_MAX_UNCOMPRESSED_BYTES, type ReadOptions } from "./read";
export { WorkbookReadError, isWorkbookReadError, type WorkbookReadErrorCode } from "./errors";
export { serialToDate } from "./dates";
