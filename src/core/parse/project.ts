// The 项目信息 sheet: key | value pairs (SPEC §1), by name or by the keys it holds (SPEC §8).
import { CellError, type CellValue, type SheetGrid } from "../grid";
import type { ColumnMapEntry } from "../column-map";
import { DEFAULT_SUPPORT_AREAS, PROJECT_KEYS, PROJECT_SHEET } from "../schema";
import { headerKey, isEmptyRow, locateHeader, textAt, unitFromText, valueAt } from "../sheet-reader";
import type { AmountUnit, Project, RuleConfig } from "../types";
import { OPTIONAL_ANY, parseNumber, pos, REQUIRED_ANY, type Reader } from "./reader";
import { normalizeHeader, splitList, toText } from "./text";

/** Canonical key of every 项目信息 key and alias, by header key. */
export const PROJECT_KEY_LOOKUP: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const k of PROJECT_KEYS) for (const name of [k.key, ...k.aliases]) m.set(headerKey(name), k.key);
  return m;
})();

/** The unit a text such as 万元 names (a 项目信息 key's bracket, the 金额单位 value), else the fallback. */
function unitOf(text: string | null | undefined, fallback: AmountUnit): AmountUnit {
  return unitFromText(text ?? null) ?? fallback;
}

function parseYear(v: CellValue): number | null {
  if (typeof v === "number" && Number.isInteger(v) && v > 1900 && v < 3000) return v;
  const m = /(\d{4})/.exec(toText(v).normalize("NFKC"));
  return m ? Number(m[1]) : null;
}

/** Without a header, the keys are in the column (of the first three, e.g. after a 序号) naming the most keys. */
export function keyColumn(rows: CellValue[][], limit = rows.length): { col: number; hits: number } {
  let best = 0;
  let bestHits = 0;
  for (let c = 0; c < 3; c++) {
    let hits = 0;
    for (let r = 0; r < Math.min(limit, rows.length); r++) if (PROJECT_KEY_LOOKUP.has(normalizeHeader(textAt(rows, r, c)).key)) hits++;
    if (hits > bestHits) [best, bestHits] = [c, hits];
  }
  return { col: best, hits: bestHits };
}

export function emptyProject(config: RuleConfig): Project {
  return {
    name: "", department: "", implementer: "", year: null, unit: config.amountUnit ?? "yuan",
    budgetInitialFen: null, budgetFen: null, executedFen: null, fiscalFen: null, carryoverFen: null, otherFen: null,
    districts: [], supportAreas: [...DEFAULT_SUPPORT_AREAS], overallGoal: "", overallGoalActual: "",
    claimedScore: null, executionWeight: 10, executionReason: "", cells: {}, sheet: null,
  };
}

/** The project and whether a unit was stated for it (a 金额单位 key, the map's unit or the config). */
export function parseProject(grid: SheetGrid | undefined, rd: Reader, config: RuleConfig, entry?: ColumnMapEntry): { project: Project; headerRow: number | null; unitStated: boolean } {
  const project = emptyProject(config);
  let unitStated = config.amountUnit !== undefined;
  const mapUnit = unitFromText(entry?.unit ?? null);
  if (mapUnit) [project.unit, unitStated] = [mapUnit, true];
  if (!grid) return { project, headerRow: null, unitStated };
  project.sheet = grid.name;
  const p = rd.prepare(grid);
  const m = locateHeader(p.rows, PROJECT_SHEET, p.grid.merges, entry?.headerRow !== undefined ? entry.headerRow - 1 : undefined);
  // A header naming only 项目 (a key of the sheet itself) is no header: read key/value pairs from row 1.
  const headed = m.found && m.missing.length === 0;
  const keyCol = headed ? (m.cols.key as number) : keyColumn(p.rows).col;
  const valueCol = headed ? (m.cols.value as number) : keyCol + 1;
  const start = headed ? m.row + 1 : 0;
  rd.cellErrors(p, start);

  const found = new Map<string, { row: number; value: CellValue; unit: string | null }>();
  for (let r = start; r < p.rows.length; r++) {
    const keyText = textAt(p.rows, r, keyCol);
    if (!keyText) continue;
    const { key, unit } = normalizeHeader(keyText);
    const canonical = PROJECT_KEY_LOOKUP.get(key);
    if (!canonical || found.has(canonical)) continue;
    found.set(canonical, { row: r, value: valueAt(p.rows, r, valueCol), unit });
    project.cells[canonical] = pos(grid.name, r, valueCol);
  }
  const text = (k: string): string => {
    const f = found.get(k);
    return f && !(f.value instanceof CellError) ? toText(f.value) : "";
  };
  const unitText = text("金额单位");
  if (unitText && !mapUnit) {
    project.unit = unitOf(normalizeHeader(unitText).key, project.unit);
    unitStated = true;
  }
  const money = (k: string, required: boolean): number | null => {
    const f = found.get(k);
    if (!f) return null;
    if (f.unit) unitStated = true;
    return rd.amount(grid.name, p.rows, f.row, valueCol, unitOf(f.unit, project.unit), k, required ? REQUIRED_ANY : OPTIONAL_ANY);
  };
  project.name = text("项目名称");
  project.department = text("主管部门");
  project.implementer = text("实施单位");
  const yearCell = found.get("资金年度");
  project.year = yearCell ? parseYear(yearCell.value) : null;
  project.budgetInitialFen = money("年初预算数", false);
  project.budgetFen = money("全年预算数", true);
  project.executedFen = money("全年执行数", false);
  project.fiscalFen = money("当年财政拨款", false);
  project.carryoverFen = money("上年结转资金", false);
  project.otherFen = money("其他资金", false);
  const districts = text("适用区域");
  if (districts) project.districts = splitList(districts);
  const areas = text("支持方向");
  if (areas) project.supportAreas = splitList(areas);
  project.overallGoal = text("年度总体目标");
  project.overallGoalActual = text("年度总体目标完成情况");
  const claimed = text("自评得分");
  project.claimedScore = claimed ? parseNumber(claimed) : null;
  const ew = text("预算执行率分值");
  if (ew) project.executionWeight = parseNumber(ew) ?? 10;
  project.executionReason = text("执行率偏差原因");
  project.scopeProfile = text("支出范围模板");

  // Required keys: an empty value points at its cell; an absent key at the row where it belongs.
  let nextRow = p.rows.length;
  while (nextRow > start && isEmptyRow(p.rows[nextRow - 1])) nextRow--;
  for (const k of PROJECT_KEYS) {
    if (!k.required) continue;
    const f = found.get(k.key);
    if (!f) rd.emit("required-missing", grid.name, nextRow, keyCol, { field: k.key });
    else if (k.key !== "全年预算数" && !text(k.key) && !(f.value instanceof CellError)) rd.emit("required-missing", grid.name, f.row, valueCol, { field: k.key });
  }
  return { project, headerRow: headed ? m.row : m.found ? m.row : 0, unitStated };
}
