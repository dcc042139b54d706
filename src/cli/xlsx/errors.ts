// Why a file could not be read as an xlsx workbook. Codes are a public contract (the CLI maps
// every one of them to exit code 2); messages are plain Chinese and say what to do.

export type WorkbookReadErrorCode =
  | "not-found"
  | "unreadable"
  | "empty"
  | "not-zip"
  | "truncated"
  | "encrypted"
  | "xls"
  | "csv"
  | "not-xlsx"
  | "too-large"
  | "corrupt";

const RESAVE = "请在 Excel 中打开并另存为 .xlsx（Excel 工作簿）后重试";

/** Default message per code; `detail` refines it where one file problem has several shapes. */
const MESSAGES: Record<WorkbookReadErrorCode, string> = {
  "not-found": "找不到文件：请检查路径和文件名",
  unreadable: "无法打开文件（可能没有读取权限，或它是一个文件夹）：请检查路径和权限",
  empty: "文件是空的（0 字节），可能复制或下载没有完成：请重新获取该文件后重试",
  "not-zip": `文件不是 xlsx 工作簿（无法识别的文件格式）：${RESAVE}`,
  truncated: "文件不完整（压缩包结尾缺失，可能下载或复制中断）：请重新获取原文件，或在 Excel 中打开修复后另存为 .xlsx",
  encrypted: "工作簿设有打开密码（已加密），无法读取：请在 Excel 中“文件 > 信息 > 保护工作簿 > 用密码进行加密”清除密码并保存后重试",
  xls: `文件是旧版 Excel 97-2003（.xls）或 WPS 格式，不是 xlsx：${RESAVE}`,
  csv: "文件不是 xlsx 工作簿（可能是改了扩展名的 CSV 或文本文件）：请在 Excel 中另存为 .xlsx 后重试",
  "not-xlsx": "压缩包里没有 Excel 工作簿内容（缺少 xl/workbook.xml），可能是 Word 文档或普通压缩包：请确认选择了正确的 .xlsx 文件",
  "too-large": "工作簿超过读取上限（可能是异常或被构造的压缩文件），已停止读取：如确为正常数据，请拆分工作簿后重试",
  corrupt: `工作簿已损坏，无法读取：${RESAVE}（Excel 会提示修复）`,
};

export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  /** The file as the caller named it, when known. */
  readonly file?: string;

  constructor(code: WorkbookReadErrorCode, message?: string, file?: string) {
    const text = message ?? MESSAGES[code];
    super(file ? `${file}：${text}` : text);
    this.name = "WorkbookReadError";
    this.code = code;
    this.file = file;
  }

  /** An error rebuilt from its parts (e.g. after crossing a worker thread): message kept as is. */
  static restore(code: WorkbookReadErrorCode, message: string, file?: string): WorkbookReadError {
    const e = new WorkbookReadError(code, message);
    if (file !== undefined) Object.defineProperty(e, "file", { value: file, enumerable: true });
    return e;
  }

  /** The same error naming the file it came from. */
  withFile(file: string): WorkbookReadError {
    if (this.file) return this;
    return new WorkbookReadError(this.code, this.message, file);
  }
}

export function defaultMessage(code: WorkbookReadErrorCode): string {
  return MESSAGES[code];
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}
