// A typed fake Office/Excel host for adapter tests (jest, node) and the browser e2e (bundled by
// webpack in place of the Office.js CDN script). No Node or DOM imports: it only touches the
// global object it is given.
import { ErrorCodes, FakeOfficeError, FakeRequestContext, type FakeRunOptions, type HostState, type SyncRecord } from "./client";
import { FakeWorkbook } from "./excel-objects";
import { WorkbookModel, a1, cellKey, keyToCell, parseRect, rectA1, splitSheetRef, type FillState, type Scalar, type SheetModel } from "./model";

export { FakeOfficeError, ErrorCodes, type SyncRecord } from "./client";

export interface FakeSheetSeed {
  name: string;
  /** Row-major; null = empty cell, "" = a cell holding an empty string (e.g. a formula's ""). */
  values: (string | number | boolean | null)[][];
  /** Zero-based row indices. */
  hiddenRows?: number[];
  /** A1 ranges, e.g. "A2:A5". */
  merges?: string[];
  /** A1 cell or range -> "#RRGGBB" (ranges may be huge: formatted to row 1,048,576). */
  fills?: Record<string, string>;
  /** A1 cell or range -> number format, e.g. "@" or "0.00". */
  numberFormats?: Record<string, string>;
  /** A1 cell -> formula (the seeded value stays the cached result). */
  formulas?: Record<string, string>;
  /** A1 cell -> note text (legacy comment) the user wrote. */
  notes?: Record<string, string>;
  /** A1 cell -> threaded comment the user wrote. */
  comments?: Record<string, string>;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Worksheet protection on: cell edits fail. */
  protected?: boolean;
}

export interface FakeWorkbookSeed {
  sheets: FakeSheetSeed[];
}

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set supported, "1.7" … "1.20" (default "1.18"). */
  excelApi?: string;
  /** Office.context.displayLanguage (default "zh-CN"). */
  displayLanguage?: string;
  /** Request/response limit in bytes (default 5,000,000 — Excel on the web's 5 MB). */
  payloadLimit?: number;
  /** Cells above which a get returns values null (default 5,000,000). */
  maxCellsPerGet?: number;
  /** Cells above which a values get fails with GeneralException (default: never). */
  generalExceptionCells?: number;
  /** Initial document settings. */
  settings?: Record<string, unknown>;
  /** No fill reads back as pattern null, as on some hosts (office-js #4900). */
  noFillPatternNull?: boolean;
  /** Office.context.platform (default "OfficeOnline"). */
  platform?: string;
  /** The host supports the "DelayForCellEdit" set: a run with delayForCellEdit waits out cell-edit mode. */
  delayForCellEdit?: boolean;
  /** Sheet to activate (default the first). */
  activeSheet?: string;
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  /** From A1 to the last used cell; "" for empty. */
  values: Scalar[][];
  formulas: Record<string, string>;
  numberFormats: Record<string, string>;
  /** Per-cell fills ("#RRGGBB"); seeded fill layers are listed in fillLayers. */
  fills: Record<string, string>;
  fillLayers: { range: string; color: string }[];
  bold: string[];
  wrap: string[];
  borders: Record<string, string>;
  merges: string[];
  notes: Record<string, string>;
  comments: Record<string, string>;
  columnWidths: Record<string, number>;
  rowHeights: Record<number, number>;
  hiddenRows: number[];
  frozenRows: number;
  validations: { range: string; rule: unknown }[];
  pageLayout: { orientation: string; paperSize: string; zoom: unknown; printArea: string | null };
}

export interface WorkbookSnapshot {
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  sheets: SheetSnapshot[];
  settings: Record<string, unknown>;
}

interface AsyncResultLike {
  status: "succeeded" | "failed";
  value: unknown;
  error: { code: number; name: string; message: string } | null;
  asyncContext?: unknown;
}

/** What a test (or the e2e page) holds: the Office/Excel globals plus inspection and control. */
export interface FakeOfficeHost {
  /** Pass to createExcelOps(host) or let it read the globals. */
  readonly Excel: typeof Excel;
  readonly Office: typeof Office;
  readonly model: WorkbookModel;
  readonly syncCount: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly syncs: readonly SyncRecord[];
  /** How many times suspendApiCalculationUntilNextSync / suspendScreenUpdatingUntilNextSync ran. */
  readonly suspended: { calculation: number; screenUpdating: number };
  /** Time the fake spent applying actions (Excel's side of each sync), to leave out of the pane's tasks. */
  readonly hostMs: number;
  /** Undo records made since the start (or the last resetCounters): what Ctrl+Z would step through. */
  readonly undoSteps: number;
  /** The options of every Excel.run, in order. */
  readonly runs: readonly FakeRunOptions[];
  /** The next `count` settings.saveAsync calls fail (the document could not be written). */
  failSettingsSave(count: number): void;
  /** After `after` more notes (or comments) are added, every further add fails with GeneralException. */
  failAdds(kind: "notes" | "comments", after?: number): void;
  /** The next `syncs` syncs reject with InvalidOperationInCellEditMode (nothing is applied). */
  setCellEditMode(syncs: number): void;
  resetCounters(): void;
  /** The active sheet and its selected range, e.g. { sheet: "支出明细", address: "E17" }. */
  selection(): { sheet: string; address: string } | null;
  /** Effective fill colour of a cell, null when it has none. */
  fillOf(sheet: string, address: string): string | null;
  /** Fill colour and pattern of a cell (pattern "None" when no fill). */
  fillStateOf(sheet: string, address: string): FillState | null;
  noteOf(sheet: string, address: string): string | null;
  snapshot(): WorkbookSnapshot;
  /** Document settings as last saved with saveAsync. */
  savedSettings(): Record<string, unknown>;
}

function parseApiMinor(v: string | undefined): number {
  if (v === undefined) return 18;
  const m = /^1\.(\d+)$/.exec(v);
  if (!m) throw new Error(`excelApi must look like "1.9", not ${v}`);
  return Number(m[1]);
}

function seedSheet(m: WorkbookModel, s: FakeSheetSeed): void {
  const sheet = m.addSheet(s.name);
  sheet.visibility = s.visibility ?? "Visible";
  sheet.protected = !!s.protected;
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r];
    if (!row) continue;
    const out: (Scalar | undefined)[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) out[c] = row[c] === null ? undefined : (row[c] as Scalar);
    sheet.values[r] = out;
  }
  for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
  for (const ref of s.merges ?? []) {
    const rect = parseRect(ref);
    if (!rect) throw new Error(`bad merge ${ref}`);
    sheet.merges.push(rect);
  }
  const each = (ref: string, fn: (row: number, col: number) => void): void => {
    const rect = parseRect(ref);
    if (!rect) throw new Error(`bad address ${ref}`);
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
  };
  for (const [ref, color] of Object.entries(s.fills ?? {})) {
    const rect = parseRect(ref);
    if (!rect) throw new Error(`bad fill range ${ref}`);
    const fill = { color: color.toUpperCase(), pattern: "Solid", patternColor: null };
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 10000) sheet.fillLayers.push({ rect, fill });
    else each(ref, (r, c) => (sheet.editFormat(r, c).fill = { ...fill }));
  }
  for (const [ref, nf] of Object.entries(s.numberFormats ?? {})) each(ref, (r, c) => (sheet.editFormat(r, c).numberFormat = nf));
  for (const [ref, f] of Object.entries(s.formulas ?? {})) each(ref, (r, c) => sheet.formulas.set(cellKey(r, c), f.startsWith("=") ? f : `=${f}`));
  for (const [ref, text] of Object.entries(s.notes ?? {})) each(ref, (r, c) => sheet.notes.set(cellKey(r, c), { content: text, author: "User" }));
  for (const [ref, text] of Object.entries(s.comments ?? {})) each(ref, (row, col) => m.comments.items.push({ id: `{comment-${m.comments.next++}}`, sheetId: sheet.id, row, col, content: text, author: "User" }));
}

function snapshotSheet(m: WorkbookModel, s: SheetModel): SheetSnapshot {
  const used = s.usedRect(true);
  const values: Scalar[][] = [];
  if (used)
    for (let r = 0; r <= used.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = 0; c <= used.right; c++) row.push(s.getValue(r, c) ?? "");
      values.push(row);
    }
  const at = (k: number): string => {
    const { row, col } = keyToCell(k);
    return a1(row, col);
  };
  const formulas: Record<string, string> = {};
  for (const [k, f] of s.formulas) formulas[at(k)] = f;
  const numberFormats: Record<string, string> = {};
  const fills: Record<string, string> = {};
  const bold: string[] = [];
  const wrap: string[] = [];
  const borders: Record<string, string> = {};
  for (const [k, f] of s.formats) {
    if (f.numberFormat && f.numberFormat !== "General") numberFormats[at(k)] = f.numberFormat;
    if (f.fill) fills[at(k)] = f.fill.color;
    if (f.bold) bold.push(at(k));
    if (f.wrapText) wrap.push(at(k));
    if (f.borders && Object.keys(f.borders).length)
      borders[at(k)] = (["top", "bottom", "left", "right"] as const)
        .filter((side) => f.borders?.[side])
        .map((side) => `${side}:${f.borders?.[side]?.weight}`)
        .join(",");
  }
  const notes: Record<string, string> = {};
  for (const [k, n] of s.notes) notes[at(k)] = n.content;
  const comments: Record<string, string> = {};
  for (const c of m.comments.items) if (c.sheetId === s.id) comments[a1(c.row, c.col)] = c.content;
  const columnWidths: Record<string, number> = {};
  for (const [c, w] of s.columnWidths) columnWidths[a1(0, c).replace(/\d+$/, "")] = w;
  return {
    name: s.name,
    visibility: s.visibility,
    values,
    formulas,
    numberFormats,
    fills,
    fillLayers: s.fillLayers.map((l) => ({ range: rectA1(l.rect), color: l.fill.color })),
    bold,
    wrap,
    borders,
    merges: s.merges.map(rectA1),
    notes,
    comments,
    columnWidths,
    rowHeights: Object.fromEntries(s.rowHeights),
    hiddenRows: [...s.hiddenRows].sort((x, y) => x - y),
    frozenRows: s.frozenRows,
    validations: s.validations.map((v) => ({ range: rectA1(v.rect), rule: v.rule })),
    pageLayout: { ...s.pageLayout },
  };
}

/** Build a host without touching any global (tests pass `host.Excel`/`host.Office` explicitly). */
export function createFakeOffice(seed: FakeWorkbookSeed, opts: FakeOfficeOptions = {}): FakeOfficeHost {
  const model = new WorkbookModel();
  for (const s of seed.sheets) seedSheet(model, s);
  if (model.sheets.length === 0) model.addSheet("Sheet1");
  if (opts.activeSheet) {
    const s = model.sheetByName(opts.activeSheet);
    if (s) model.activeSheetId = s.id;
  }
  const state: HostState = {
    model,
    limits: { payloadLimit: opts.payloadLimit ?? 5_000_000, maxCellsPerGet: opts.maxCellsPerGet ?? 5_000_000, generalExceptionCells: opts.generalExceptionCells ?? Infinity },
    excelApiMinor: parseApiMinor(opts.excelApi),
    syncCount: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    syncs: [],
    cellEditSyncs: 0,
    noFillPatternNull: !!opts.noFillPatternNull,
    suspendCalculation: 0,
    suspendScreenUpdating: 0,
    hostMs: 0,
    delayForCellEdit: !!opts.delayForCellEdit,
    undoSteps: 0,
    addsLeft: { notes: Infinity, comments: Infinity },
  };

  class RequestContext extends FakeRequestContext {
    constructor(options: FakeRunOptions = {}) {
      super(state, options);
    }
    get workbook(): FakeWorkbook {
      return this._root("workbook", () => new FakeWorkbook(this, "workbook"));
    }
    get application(): FakeWorkbook["application"] {
      return this.workbook.application;
    }
  }

  async function run<T>(optionsOrBatch: FakeRunOptions | ((context: RequestContext) => Promise<T>), maybeBatch?: (context: RequestContext) => Promise<T>): Promise<T> {
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
    if (!batch) throw new Error("Excel.run needs a batch function");
    runs.push(typeof optionsOrBatch === "function" ? {} : { ...optionsOrBatch });
    const context = new RequestContext(typeof optionsOrBatch === "function" ? {} : optionsOrBatch);
    const result = await batch(context);
    if (context._pending > 0) await context.sync();
    return result;
  }

  const runs: FakeRunOptions[] = [];
  const fakeExcel = {
    run,
    RequestContext,
    ErrorCodes,
    SpecialCellType: { visible: "Visible", constants: "Constants", formulas: "Formulas", blanks: "Blanks" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight", insideVertical: "InsideVertical", insideHorizontal: "InsideHorizontal" },
    BorderLineStyle: { continuous: "Continuous", none: "None" },
    BorderWeight: { thin: "Thin", medium: "Medium", thick: "Thick", hairline: "Hairline" },
    HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    PaperType: { a4: "A4", letter: "Letter" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  };

  let settings: Record<string, unknown> = { ...(opts.settings ?? {}) };
  let saved: Record<string, unknown> = { ...settings };
  let saveFailures = 0;
  const ok = (value: unknown, asyncContext?: unknown): AsyncResultLike => ({ status: "succeeded", value, error: null, asyncContext });

  const info = { host: "Excel", platform: opts.platform ?? "OfficeOnline" };
  const fakeOffice = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac", iOS: "iOS" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    initialize: undefined as unknown,
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      displayLanguage: opts.displayLanguage ?? "zh-CN",
      contentLanguage: opts.displayLanguage ?? "zh-CN",
      host: "Excel",
      platform: info.platform,
      diagnostics: { host: "Excel", platform: info.platform, version: "16.0.fake" },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name === "DelayForCellEdit") return state.delayForCellEdit;
          if (name.toLowerCase() !== "excelapi") return false;
          if (minVersion === undefined) return true;
          const [major, minor] = String(minVersion).split(".").map(Number);
          return major < 1 || (major === 1 && (minor || 0) <= state.excelApiMinor);
        },
      },
      document: {
        url: "https://fake.invalid/Book1.xlsx",
        settings: {
          get(name: string): unknown {
            return name in settings ? JSON.parse(JSON.stringify(settings[name])) : null;
          },
          set(name: string, value: unknown): void {
            settings[name] = JSON.parse(JSON.stringify(value));
          },
          remove(name: string): void {
            delete settings[name];
          },
          saveAsync(optionsOrCallback?: unknown, maybeCallback?: (r: AsyncResultLike) => void): void {
            const cb = typeof optionsOrCallback === "function" ? (optionsOrCallback as (r: AsyncResultLike) => void) : maybeCallback;
            if (saveFailures > 0) {
              saveFailures--;
              const error = { code: 5001, name: "Internal Error", message: "An internal error has occurred." };
              Promise.resolve().then(() => cb?.({ status: "failed", value: undefined, error }));
              return;
            }
            saved = JSON.parse(JSON.stringify(settings));
            Promise.resolve().then(() => cb?.(ok(undefined)));
          },
          refreshAsync(callback?: (r: AsyncResultLike) => void): void {
            settings = JSON.parse(JSON.stringify(saved));
            Promise.resolve().then(() => callback?.(ok(undefined)));
          },
        },
      },
    },
  };

  const cell = (sheet: string, address: string): { s: SheetModel; row: number; col: number } => {
    const s = model.sheetByName(sheet);
    const r = parseRect(splitSheetRef(address).ref);
    if (!s || !r) throw new Error(`no cell ${sheet}!${address}`);
    return { s, row: r.top, col: r.left };
  };

  return {
    Excel: fakeExcel as unknown as typeof Excel,
    Office: fakeOffice as unknown as typeof Office,
    model,
    get syncCount() {
      return state.syncCount;
    },
    get maxRequestBytes() {
      return state.maxRequestBytes;
    },
    get maxResponseBytes() {
      return state.maxResponseBytes;
    },
    get syncs() {
      return state.syncs;
    },
    get hostMs() {
      return state.hostMs;
    },
    get undoSteps() {
      return state.undoSteps;
    },
    get runs() {
      return runs;
    },
    get suspended() {
      return { calculation: state.suspendCalculation, screenUpdating: state.suspendScreenUpdating };
    },
    failSettingsSave(count: number) {
      saveFailures = count;
    },
    failAdds(kind, after = 0) {
      state.addsLeft[kind] = after;
    },
    setCellEditMode(syncs: number) {
      state.cellEditSyncs = syncs;
    },
    resetCounters() {
      state.syncCount = 0;
      state.maxRequestBytes = 0;
      state.maxResponseBytes = 0;
      state.syncs = [];
      state.undoSteps = 0;
      runs.length = 0;
      state.suspendCalculation = 0;
      state.suspendScreenUpdating = 0;
    },
    selection() {
      if (model.sheets.length === 0) return null;
      const s = model.activeSheet();
      return { sheet: s.name, address: s.selection };
    },
    fillOf(sheet, address) {
      const { s, row, col } = cell(sheet, address);
      return s.fill(row, col)?.color ?? null;
    },
    fillStateOf(sheet, address) {
      const { s, row, col } = cell(sheet, address);
      const f = s.fill(row, col);
      return f ? { ...f } : null;
    },
    noteOf(sheet, address) {
      const { s, row, col } = cell(sheet, address);
      return s.notes.get(cellKey(row, col))?.content ?? null;
    },
    snapshot() {
      const active = model.sheets.length ? model.activeSheet() : null;
      return {
        activeSheet: active ? active.name : null,
        selection: active ? { sheet: active.name, address: active.selection } : null,
        sheets: model.sheets.map((s) => snapshotSheet(model, s)),
        settings: JSON.parse(JSON.stringify(settings)),
      };
    },
    savedSettings() {
      return JSON.parse(JSON.stringify(saved));
    },
  };
}

/**
 * Install the fake as `Excel`, `Office` and `OfficeExtension` on `globalObj` (window in the
 * browser, globalThis in jest) and return the host for inspection.
 */
export function installFakeOffice(globalObj: object, workbook: FakeWorkbookSeed, opts: FakeOfficeOptions = {}): FakeOfficeHost {
  const host = createFakeOffice(workbook, opts);
  const g = globalObj as Record<string, unknown>;
  g.Excel = host.Excel;
  g.Office = host.Office;
  g.OfficeExtension = { Error: FakeOfficeError, ErrorCodes };
  g.__fakeOffice = host;
  return host;
}
