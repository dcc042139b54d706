// The column map (SPEC §8): what the user says where detection misses. One entry per role, keyed by
// the role's sheet name (资金分配 …); each entry may name the sheet, its 1-based header row, the
// amount unit and columns (a canonical header -> a header text in the table or a column letter).
// Plain data, so a dialog can build it and the workbook can store it as JSON.
import { ALLOCATION_SHEET, INDICATOR_SHEET, PROJECT_SHEET, SCOPE_SHEET, SPENDING_SHEET, type SheetDef } from "./schema";

export type RoleName = "项目信息" | "资金分配" | "支出明细" | "支出范围" | "绩效指标";

export interface ColumnMapEntry {
  /** The sheet's name as in the workbook. */
  sheet?: string;
  /** 1-based row of the header. */
  headerRow?: number;
  unit?: "元" | "万元";
  /** Canonical header (or an alias) -> the table's header text, or a column letter such as "E". */
  columns?: Record<string, string>;
}

export interface ColumnMap {
  sheets: Partial<Record<RoleName, ColumnMapEntry>>;
}

export const ROLE_SHEETS: Record<RoleName, SheetDef<string>> = {
  项目信息: PROJECT_SHEET, 资金分配: ALLOCATION_SHEET, 支出明细: SPENDING_SHEET, 支出范围: SCOPE_SHEET, 绩效指标: INDICATOR_SHEET,
};

export const COLUMN_LETTER = /^[A-Z]{1,3}$/;

/** Why a map cannot be used: a JSON path and what to write there. */
export interface ColumnMapError {
  path: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The column a name means on a role's sheet (its header or an alias), or undefined. */
export function mapColumnDef(def: SheetDef<string>, name: string, key: (s: string) => string): SheetDef<string>["columns"][number] | undefined {
  const k = key(name);
  return def.columns.find((c) => key(c.header) === k || c.aliases.some((a) => key(a) === k));
}

/**
 * Checks a parsed JSON value against the map's shape; every problem is one error with its path
 * (sheets.资金分配.headerRow). `key` is how headers are compared (the engine's header key).
 */
export function parseColumnMap(json: unknown, key: (s: string) => string): { map: ColumnMap; errors: [] } | { map: null; errors: ColumnMapError[] } {
  const errors: ColumnMapError[] = [];
  const err = (path: string, message: string): void => void errors.push({ path, message });
  if (!isObject(json)) return { map: null, errors: [{ path: "(根)", message: "应是一个 JSON 对象，例如 {\"sheets\": {\"资金分配\": {\"sheet\": \"Sheet1\"}}}" }] };
  for (const k of Object.keys(json)) if (k !== "sheets") err(k, "不认识的键：只允许 sheets");
  const sheets = json.sheets;
  if (!isObject(sheets)) {
    err("sheets", "应是一个对象，键为 项目信息、资金分配、支出明细、支出范围、绩效指标");
    return { map: null, errors };
  }
  const out: ColumnMap = { sheets: {} };
  for (const [role, entry] of Object.entries(sheets)) {
    const path = `sheets.${role}`;
    if (!(role in ROLE_SHEETS)) {
      err(path, `不认识的工作表角色「${role}」：可用 ${Object.keys(ROLE_SHEETS).join("、")}`);
      continue;
    }
    if (!isObject(entry)) {
      err(path, "应是一个对象，如 {\"sheet\": \"Sheet1\", \"headerRow\": 3}");
      continue;
    }
    const e: ColumnMapEntry = {};
    for (const [k, v] of Object.entries(entry)) {
      const p = `${path}.${k}`;
      if (k === "sheet") {
        if (typeof v === "string" && v.trim()) e.sheet = v;
        else err(p, "应是工作表名称（文字）");
      } else if (k === "headerRow") {
        if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 1048576) e.headerRow = v;
        else err(p, `应是表头所在行号（从 1 起的整数），收到 ${JSON.stringify(v)}`);
      } else if (k === "unit") {
        if (v === "元" || v === "万元") e.unit = v;
        else err(p, `只能是 "元" 或 "万元"，收到 ${JSON.stringify(v)}`);
      } else if (k === "columns") {
        if (!isObject(v)) {
          err(p, "应是一个对象，如 {\"单位名称\": \"项目单位\", \"批复金额\": \"E\"}");
          continue;
        }
        e.columns = {};
        for (const [col, ref] of Object.entries(v)) {
          if (!mapColumnDef(ROLE_SHEETS[role as RoleName], col, key)) {
            err(`${p}.${col}`, `「${role}」没有「${col}」列：可用 ${ROLE_SHEETS[role as RoleName].columns.map((c) => c.header).join("、")}`);
          } else if (typeof ref !== "string" || !ref.trim()) {
            err(`${p}.${col}`, "应是表头文字或列号（如 \"E\"）");
          } else e.columns[col] = ref.trim();
        }
      } else err(p, "不认识的键：只允许 sheet、headerRow、unit、columns");
    }
    out.sheets[role as RoleName] = e;
  }
  return errors.length ? { map: null, errors } : { map: out, errors: [] };
}
