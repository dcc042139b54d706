// The Excel proxy classes of the fake host: the subset of office-js the add-in uses, with the
// same shapes (load/sync, *OrNullObject, API-set gating) and behaviour that matters for tests.
import { ErrorCodes, FakeClientObject, FakeOfficeError, FakeRequestContext, queueResult, type FakeClientResult } from "./client";
import {
  MAX_COLS,
  MAX_ROWS,
  a1,
  cellKey,
  contains,
  intersects,
  keyToCell,
  parseRect,
  quoteSheetName,
  rectA1,
  rectCells,
  splitSheetRef,
  type BorderState,
  type CellFormat,
  type FillState,
  type Rect,
  type Scalar,
  type SheetModel,
  type WorkbookModel,
} from "./model";

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** Per-cell format writes over more cells than this are refused (the fake is not a full Excel). */
const MAX_FORMAT_CELLS = 2_000_000;

function model(ctx: FakeRequestContext): WorkbookModel {
  return ctx._host.model;
}

function bad(message: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.invalidArgument, message);
}

function sheetAddress(sheet: SheetModel, r: Rect): string {
  return `${quoteSheetName(sheet.name)}!${rectA1(r)}`;
}

function eachCell(r: Rect, fn: (row: number, col: number) => void): void {
  if (rectCells(r) > MAX_FORMAT_CELLS) throw new FakeOfficeError("NotImplemented", `The fake host does not format ${rectCells(r)} cells one by one.`);
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

/** Same value in every cell, else null (office-js returns null for mixed formats). */
function uniform<T>(r: Rect, get: (row: number, col: number) => T): T | null {
  let first: T | undefined;
  let seen = false;
  const rows = Math.min(r.bottom, r.top + 2000);
  const cols = Math.min(r.right, r.left + 200);
  for (let row = r.top; row <= rows; row++)
    for (let col = r.left; col <= cols; col++) {
      const v = get(row, col);
      if (!seen) {
        first = v;
        seen = true;
      } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  return first as T;
}

function grid2d(input: unknown, r: Rect, what: string): unknown[][] {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (!Array.isArray(input)) {
    if (rectCells(r) > MAX_FORMAT_CELLS) throw new FakeOfficeError("NotImplemented", "scalar set on a huge range");
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => input));
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))
    throw bad(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range ${rows}x${cols}).`);
  return input as unknown[][];
}

// ---------------------------------------------------------------- workbook & sheets

export class FakeApplication extends FakeClientObject {
  protected get _className(): string {
    return "Application";
  }
  protected get _scalarProps(): string[] {
    return ["calculationMode"];
  }
  protected _resolve(): unknown {
    return model(this.context);
  }
  protected _read(_t: unknown, prop: string): unknown {
    if (prop === "calculationMode") return "Automatic";
    throw bad(`Application.${prop}`);
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._requireApi(6, "Application.suspendApiCalculationUntilNextSync");
    this._call("suspendApiCalculationUntilNextSync", [], () => this.context._host.suspendCalculation++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context._requireApi(9, "Application.suspendScreenUpdatingUntilNextSync");
    this._call("suspendScreenUpdatingUntilNextSync", [], () => this.context._host.suspendScreenUpdating++);
  }
}

export class FakeWorkbook extends FakeClientObject {
  protected get _className(): string {
    return "Workbook";
  }
  protected get _scalarProps(): string[] {
    return ["name"];
  }
  protected _resolve(): unknown {
    return model(this.context);
  }
  protected _read(_t: unknown, prop: string): unknown {
    if (prop === "name") return "Book1.xlsx";
    throw bad(`Workbook.${prop}`);
  }
  get name(): string {
    return this._get("name");
  }
  get worksheets(): FakeWorksheetCollection {
    return this.context._root("worksheets", () => new FakeWorksheetCollection(this.context, "worksheets"));
  }
  get application(): FakeApplication {
    return this.context._root("application", () => new FakeApplication(this.context, "application"));
  }
  get notes(): FakeNoteCollection {
    return this.context._root("notes", () => new FakeNoteCollection(this.context, "notes", null));
  }
  get comments(): FakeCommentCollection {
    return this.context._root("comments", () => new FakeCommentCollection(this.context, "comments", null));
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, "getSelectedRange()", () => {
      const s = model(this.context).activeSheet();
      return { sheet: s, rect: parseRect(s.selection) as Rect };
    });
  }
  getActiveCell(): FakeRange {
    this.context._requireApi(7, "Workbook.getActiveCell");
    return new FakeRange(this.context, "getActiveCell()", () => {
      const s = model(this.context).activeSheet();
      const r = parseRect(s.selection) as Rect;
      return { sheet: s, rect: { top: r.top, left: r.left, bottom: r.top, right: r.left } };
    });
  }
}

function validateSheetName(m: WorkbookModel, name: string, except?: SheetModel): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) throw bad(`The sheet name '${name}' is invalid.`);
  const other = m.sheetByName(name);
  if (other && other !== except) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
}

export class FakeWorksheetCollection extends FakeClientObject {
  private loadedItems: FakeWorksheet[] | null = null;

  protected get _className(): string {
    return "WorksheetCollection";
  }
  protected get _scalarProps(): string[] {
    return ["items"];
  }
  protected _resolve(): unknown {
    return model(this.context);
  }
  protected _read(_t: unknown, prop: string): unknown {
    const m = model(this.context);
    const sub = prop === "items" ? ["name", "id", "position", "visibility"] : [prop.replace(/^items\//, "")];
    return m.sheets.map((s) => {
      const row: Record<string, unknown> = { "@id": s.id };
      for (const p of sub) row[p] = FakeWorksheet.read(m, s, p);
      return row;
    });
  }
  _commit(data: Record<string, unknown>, isNull: boolean | undefined): void {
    super._commit({}, isNull);
    const lists = Object.values(data) as Record<string, unknown>[][];
    if (lists.length === 0) return;
    const m = model(this.context);
    const byId = new Map<string, Record<string, unknown>>();
    for (const list of lists) for (const row of list) byId.set(row["@id"] as string, { ...byId.get(row["@id"] as string), ...row });
    this.loadedItems = [...byId.entries()].map(([id, row]) => {
      const sheet = m.sheetById(id) ?? null;
      const ws = new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(id)})`, () => sheet)._bind(sheet);
      const d = { ...row };
      delete d["@id"];
      ws._commit(d, undefined);
      return ws;
    });
  }
  toJSON(): Record<string, unknown> {
    return { items: (this.loadedItems ?? []).map((w) => w.toJSON()) };
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) return this._get("items");
    return this.loadedItems;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(key)})`, () => model(this.context).sheetByName(key) ?? model(this.context).sheetById(key) ?? null);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    this.context._requireApi(4, "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.context, `worksheets.getItemOrNullObject(${JSON.stringify(key)})`, () => model(this.context).sheetByName(key) ?? model(this.context).sheetById(key) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => model(this.context).activeSheet());
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this.context, "worksheets", "getCount", () => model(this.context).sheets.length);
  }
  add(name?: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, `worksheets.add(${JSON.stringify(name ?? null)})`, () => null);
    this.context._enqueue({ a: "call", o: "worksheets", n: "add", v: [name ?? null] }, () => {
      const m = model(this.context);
      if (name !== undefined) validateSheetName(m, name);
      ws._bind(m.addSheet(name));
    });
    return ws;
  }
}

export class FakeWorksheet extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => SheetModel | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  protected get _className(): string {
    return "Worksheet";
  }
  protected get _scalarProps(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  private sheet(): SheetModel {
    return this._target() as SheetModel;
  }
  protected _read(t: unknown, prop: string): unknown {
    return FakeWorksheet.read(model(this.context), t as SheetModel, prop);
  }
  static read(m: WorkbookModel, s: SheetModel, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return m.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return "";
      case "protection/protected":
        return s.protected;
      default:
        throw bad(`Worksheet.${prop}`);
    }
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s: SheetModel) => {
      validateSheetName(model(this.context), v, s);
      s.name = v;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (s: SheetModel) => {
      const list = model(this.context).sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
    });
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this._set("visibility", v, (s: SheetModel) => {
      const m = model(this.context);
      if (v !== "Visible" && !m.sheets.some((o) => o !== s && o.visibility === "Visible")) throw new FakeOfficeError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.");
      s.visibility = v;
      if (v !== "Visible" && m.activeSheetId === s.id) m.activeSheetId = (m.sheets.find((o) => o.visibility === "Visible") as SheetModel).id;
    });
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  get freezePanes(): FakeFreezePanes {
    this.context._requireApi(7, "Worksheet.freezePanes");
    return new FakeFreezePanes(this.context, `${this._path}.freezePanes`, () => this.sheet());
  }
  get pageLayout(): FakePageLayout {
    this.context._requireApi(9, "Worksheet.pageLayout");
    return new FakePageLayout(this.context, `${this._path}.pageLayout`, () => this.sheet());
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.context, `${this._path}.notes`, () => this.sheet());
  }
  private protectionObj: FakeWorksheetProtection | null = null;
  get protection(): FakeWorksheetProtection {
    this.protectionObj ??= new FakeWorksheetProtection(this.context, `${this._path}.protection`, () => this.sheet());
    return this.protectionObj;
  }
  protected _child(name: string): FakeClientObject | null {
    return name === "protection" ? this.protection : null;
  }
  /** "protection/protected" loaded through the collection's items lands on the child. */
  _commit(data: Record<string, unknown>, isNull: boolean | undefined): void {
    const own: Record<string, unknown> = {};
    const child: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      if (k.startsWith("protection/")) child[k.slice("protection/".length)] = v;
      else own[k] = v;
    }
    super._commit(own, isNull);
    if (Object.keys(child).length) this.protection._commit(child, undefined);
  }
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context, `${this._path}.comments`, () => this.sheet());
  }
  private range(path: string, rect: () => Rect | null, nullable = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this._path}.${path}`,
      () => {
        const s = this._target() as SheetModel | null;
        if (!s) return null;
        const r = rect();
        return r ? { sheet: s, rect: r } : null;
      },
      nullable,
    );
  }
  getRange(address?: string): FakeRange {
    return this.range(`getRange(${JSON.stringify(address ?? "")})`, () => {
      if (address === undefined || address === "") return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const r = parseRect(splitSheetRef(address).ref);
      if (!r) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${address}' is not valid.`);
      return r;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context._requireApi(7, "Worksheet.getRangeByIndexes");
    return this.range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) throw bad("getRangeByIndexes: out of bounds");
      return { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.range(`getCell(${row},${column})`, () => ({ top: row, left: column, bottom: row, right: column }));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.range(`getUsedRange(${!!valuesOnly})`, () => this.sheet().usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context._requireApi(4, "Worksheet.getUsedRangeOrNullObject");
    return this.range(`getUsedRangeOrNullObject(${!!valuesOnly})`, () => this.sheet().usedRect(!!valuesOnly), true);
  }
  activate(): void {
    this._call("activate", [], (s: SheetModel) => {
      if (s.visibility !== "Visible") throw new FakeOfficeError(ErrorCodes.invalidOperation, "A hidden sheet cannot be activated.");
      model(this.context).activeSheetId = s.id;
    });
  }
  delete(): void {
    this._call("delete", [], (s: SheetModel) => {
      const m = model(this.context);
      if (!m.sheets.some((o) => o !== s && o.visibility === "Visible")) throw new FakeOfficeError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.");
      const i = m.sheets.indexOf(s);
      m.sheets.splice(i, 1);
      m.comments.items = m.comments.items.filter((c) => c.sheetId !== s.id);
      if (m.activeSheetId === s.id) {
        const next = m.sheets.slice(Math.max(0, i - 1)).find((o) => o.visibility === "Visible") ?? m.sheets.find((o) => o.visibility === "Visible");
        m.activeSheetId = next ? next.id : null;
      }
    });
  }
}

export class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => SheetModel,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "WorksheetProtection";
  }
  protected get _scalarProps(): string[] {
    return ["protected"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(t: unknown, prop: string): unknown {
    if (prop === "protected") return (t as SheetModel).protected;
    throw bad(`WorksheetProtection.${prop}`);
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(): void {
    this._call("protect", [], (s: SheetModel) => void (s.protected = true));
  }
  unprotect(): void {
    this._call("unprotect", [], (s: SheetModel) => void (s.protected = false));
  }
}

/** Excel refuses cell edits on a protected sheet; the whole sync fails. */
export function assertEditable(sheet: SheetModel): void {
  if (sheet.protected) throw new FakeOfficeError(ErrorCodes.invalidOperation, `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
}

export class FakeFreezePanes extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => SheetModel,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "WorksheetFreezePanes";
  }
  protected get _scalarProps(): string[] {
    return [];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(): unknown {
    throw bad("WorksheetFreezePanes has no properties");
  }
  freezeRows(count?: number): void {
    this._call("freezeRows", [count ?? 1], (s: SheetModel) => {
      s.frozenRows = count ?? 1;
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], (s: SheetModel) => {
      s.frozenRows = 0;
    });
  }
}

export class FakePageLayout extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => SheetModel,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "PageLayout";
  }
  protected get _scalarProps(): string[] {
    return ["orientation", "paperSize", "zoom"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(t: unknown, prop: string): unknown {
    const p = (t as SheetModel).pageLayout;
    if (prop === "orientation") return p.orientation;
    if (prop === "paperSize") return p.paperSize;
    if (prop === "zoom") return { ...p.zoom };
    throw bad(`PageLayout.${prop}`);
  }
  set orientation(v: string) {
    this._set("orientation", v, (s: SheetModel) => {
      s.pageLayout.orientation = v;
    });
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set paperSize(v: string) {
    this._set("paperSize", v, (s: SheetModel) => {
      s.pageLayout.paperSize = v;
    });
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set zoom(v: PageLayoutZoom) {
    this._set("zoom", v, (s: SheetModel) => {
      s.pageLayout.zoom = { ...v };
    });
  }
  get zoom(): PageLayoutZoom {
    return this._get("zoom");
  }
  setPrintArea(address: string): void {
    this._call("setPrintArea", [address], (s: SheetModel) => {
      if (!parseRect(splitSheetRef(address).ref)) throw bad(`setPrintArea: ${address}`);
      s.pageLayout.printArea = splitSheetRef(address).ref;
    });
  }
}

interface PageLayoutZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

// ---------------------------------------------------------------- ranges

/** Range.getMergedAreasOrNullObject fails above this many areas. */
export const MAX_MERGED_AREAS = 512;

export class FakeRange extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => RangeTarget | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  protected get _className(): string {
    return "Range";
  }
  protected get _scalarProps(): string[] {
    return ["address", "addressLocal", "rowCount", "columnCount", "cellCount", "rowIndex", "columnIndex", "values", "formulas", "numberFormat", "text", "valueTypes", "rowHidden", "columnHidden"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  _rt(): RangeTarget {
    return this._target() as RangeTarget;
  }
  protected _child(name: string): FakeClientObject | null {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return null;
  }
  protected _read(t: unknown, prop: string): unknown {
    const { sheet, rect } = t as RangeTarget;
    const cells = rectCells(rect);
    const big = cells > this.context._host.limits.maxCellsPerGet;
    const map = (fn: (row: number, col: number) => unknown): unknown[][] | null => {
      if (big) return null;
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = new Array(rect.right - rect.left + 1);
        for (let c = rect.left; c <= rect.right; c++) row[c - rect.left] = fn(r, c);
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case "address":
      case "addressLocal":
        return sheetAddress(sheet, rect);
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "cellCount":
        return cells > 2 ** 31 - 1 ? -1 : cells;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "values":
        if (cells > this.context._host.limits.generalExceptionCells) throw new FakeOfficeError(ErrorCodes.generalException, "An internal error has occurred.");
        return map((r, c) => sheet.getValue(r, c) ?? "");
      case "text":
        return map((r, c) => String(sheet.getValue(r, c) ?? ""));
      case "formulas":
        return map((r, c) => sheet.formulas.get(cellKey(r, c)) ?? sheet.getValue(r, c) ?? "");
      case "numberFormat":
        return map((r, c) => sheet.numberFormat(r, c));
      case "valueTypes":
        return map((r, c) => {
          const v = sheet.getValue(r, c);
          if (v === undefined || v === "") return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return /^#[A-Z/0!?_]+[!?A]?$/.test(v) && !sheet.formulas.has(cellKey(r, c)) ? "Error" : "String";
        });
      case "rowHidden": {
        let hidden = 0;
        for (const row of sheet.hiddenRows) if (row >= rect.top && row <= rect.bottom) hidden++;
        if (hidden === 0) return false;
        return hidden === rect.bottom - rect.top + 1 ? true : null;
      }
      case "columnHidden":
        return false;
      default:
        throw bad(`Range.${prop}`);
    }
  }
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get columnHidden(): boolean {
    return this._get("columnHidden");
  }
  get values(): Scalar[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._set("values", v, (t: RangeTarget) => this.input(t, v, "values"));
  }
  get formulas(): Scalar[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, (t: RangeTarget) => this.input(t, v, "formulas"));
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, ({ sheet, rect }: RangeTarget) => {
      const g = grid2d(v, rect, "numberFormat");
      for (let r = 0; r < g.length; r++)
        for (let c = 0; c < g[r].length; c++) {
          const f = g[r][c];
          if (f !== null && f !== undefined) sheet.editFormat(rect.top + r, rect.left + c).numberFormat = String(f);
        }
    });
  }
  get rowHidden(): boolean | null {
    return this._get("rowHidden");
  }
  set rowHidden(v: boolean) {
    this._set("rowHidden", v, ({ sheet, rect }: RangeTarget) => {
      for (let r = rect.top; r <= rect.bottom; r++) {
        if (v) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }
  private input(t: RangeTarget, v: unknown, what: string): void {
    const { sheet, rect } = t;
    const g = grid2d(v, rect, what);
    for (let r = 0; r < g.length; r++) for (let c = 0; c < g[r].length; c++) sheet.input(rect.top + r, rect.left + c, g[r][c]);
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, `${this._path}.format`, () => this._rt());
  }
  get dataValidation(): FakeDataValidation {
    this.context._requireApi(8, "Range.dataValidation");
    return new FakeDataValidation(this.context, `${this._path}.dataValidation`, () => this._rt());
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this._path}.worksheet`, () => this._rt().sheet);
  }
  private derive(path: string, fn: (t: RangeTarget) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(
      this.context,
      `${this._path}.${path}`,
      () => {
        const t = this._target() as RangeTarget | null;
        if (!t) return null;
        const r = fn(t);
        if (!r) return null;
        if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS || r.bottom < r.top || r.right < r.left) throw bad(`${path}: the range is outside the sheet`);
        return { sheet: t.sheet, rect: r };
      },
      nullable,
    );
  }
  getCell(row: number, column: number): FakeRange {
    return this.derive(`getCell(${row},${column})`, ({ rect }) => ({ top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column }));
  }
  getRow(row: number): FakeRange {
    return this.derive(`getRow(${row})`, ({ rect }) => ({ top: rect.top + row, bottom: rect.top + row, left: rect.left, right: rect.right }));
  }
  getColumn(column: number): FakeRange {
    return this.derive(`getColumn(${column})`, ({ rect }) => ({ top: rect.top, bottom: rect.bottom, left: rect.left + column, right: rect.left + column }));
  }
  getEntireRow(): FakeRange {
    return this.derive("getEntireRow()", ({ rect }) => ({ top: rect.top, bottom: rect.bottom, left: 0, right: MAX_COLS - 1 }));
  }
  getEntireColumn(): FakeRange {
    return this.derive("getEntireColumn()", ({ rect }) => ({ top: 0, bottom: MAX_ROWS - 1, left: rect.left, right: rect.right }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive(`getResizedRange(${deltaRows},${deltaColumns})`, ({ rect }) => ({ ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive(`getOffsetRange(${rowOffset},${columnOffset})`, ({ rect }) => ({ top: rect.top + rowOffset, bottom: rect.bottom + rowOffset, left: rect.left + columnOffset, right: rect.right + columnOffset }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    this.context._requireApi(7, "Range.getAbsoluteResizedRange");
    return this.derive(`getAbsoluteResizedRange(${numRows},${numColumns})`, ({ rect }) => ({ top: rect.top, left: rect.left, bottom: rect.top + numRows - 1, right: rect.left + numColumns - 1 }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.derive(
      `getUsedRangeOrNullObject(${!!valuesOnly})`,
      ({ sheet, rect }) => {
        const u = sheet.usedRect(!!valuesOnly);
        if (!u || !intersects(u, rect)) return null;
        return { top: Math.max(u.top, rect.top), left: Math.max(u.left, rect.left), bottom: Math.min(u.bottom, rect.bottom), right: Math.min(u.right, rect.right) };
      },
      true,
    );
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context._requireApi(13, "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.context, `${this._path}.getMergedAreasOrNullObject()`, () => {
      const t = this._target() as RangeTarget | null;
      if (!t) return null;
      // As Excel does (office-js #3611): only the areas whose top-left cell lies in the range,
      // and an error when there are more than MAX_MERGED_AREAS of them.
      const areas = t.sheet.merges.filter((m) => contains(t.rect, m.top, m.left));
      if (areas.length > MAX_MERGED_AREAS) throw new FakeOfficeError(ErrorCodes.generalException, `The range holds ${areas.length} merged areas; at most ${MAX_MERGED_AREAS} can be returned.`);
      return areas.length ? { sheet: t.sheet, areas } : null;
    });
  }
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    this.context._requireApi(9, "Range.getSpecialCellsOrNullObject");
    return new FakeRangeAreas(this.context, `${this._path}.getSpecialCellsOrNullObject(${JSON.stringify(cellType)})`, () => {
      const t = this._target() as RangeTarget | null;
      if (!t) return null;
      if (cellType !== "Visible") throw new FakeOfficeError("NotImplemented", `The fake host supports only Visible special cells, not ${cellType}.`);
      const areas: Rect[] = [];
      let start = -1;
      for (let r = t.rect.top; r <= t.rect.bottom + 1; r++) {
        const visible = r <= t.rect.bottom && !t.sheet.hiddenRows.has(r);
        if (visible && start < 0) start = r;
        if (!visible && start >= 0) {
          areas.push({ top: start, bottom: r - 1, left: t.rect.left, right: t.rect.right });
          start = -1;
        }
      }
      return areas.length ? { sheet: t.sheet, areas } : null;
    });
  }
  merge(across?: boolean): void {
    this._call("merge", [!!across], ({ sheet, rect }: RangeTarget) => {
      const parts: Rect[] = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const p of parts) {
        if (rectCells(p) < 2) continue;
        sheet.merges = sheet.merges.filter((m) => !intersects(m, p));
        for (let r = p.top; r <= p.bottom; r++)
          for (let c = p.left; c <= p.right; c++) {
            if (r === p.top && c === p.left) continue;
            sheet.setRaw(r, c, undefined);
            sheet.formulas.delete(cellKey(r, c));
          }
        sheet.merges.push({ ...p });
      }
    });
  }
  unmerge(): void {
    this._call("unmerge", [], ({ sheet, rect }: RangeTarget) => {
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }
  select(): void {
    this._call("select", [], ({ sheet, rect }: RangeTarget) => {
      if (sheet.visibility !== "Visible") throw new FakeOfficeError(ErrorCodes.invalidOperation, "Cannot select a range on a hidden sheet.");
      const m = model(this.context);
      m.activeSheetId = sheet.id;
      sheet.selection = rectA1(rect);
    });
  }
  clear(applyTo?: string): void {
    this._call("clear", [applyTo ?? "All"], ({ sheet, rect }: RangeTarget) => {
      const what = applyTo ?? "All";
      const contents = what === "All" || what === "Contents";
      const formats = what === "All" || what === "Formats";
      const lastRow = Math.min(rect.bottom, sheet.values.length - 1);
      if (contents)
        for (let r = rect.top; r <= lastRow; r++) {
          const row = sheet.values[r];
          if (!row) continue;
          for (let c = rect.left; c <= Math.min(rect.right, row.length - 1); c++) {
            row[c] = undefined;
            sheet.formulas.delete(cellKey(r, c));
          }
        }
      if (formats) {
        for (const k of [...sheet.formats.keys()]) {
          const { row, col } = keyToCell(k);
          if (contains(rect, row, col)) sheet.formats.delete(k);
        }
        sheet.fillLayers = sheet.fillLayers.filter((l) => !intersects(l.rect, rect));
      }
    });
  }
}

interface AreasTarget {
  sheet: SheetModel;
  areas: Rect[];
}

export class FakeRangeAreas extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => AreasTarget | null,
  ) {
    super(ctx, path, true);
  }
  protected get _className(): string {
    return "RangeAreas";
  }
  protected get _scalarProps(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(t: unknown, prop: string): unknown {
    const { sheet, areas } = t as AreasTarget;
    if (prop === "address" || prop === "addressLocal") return areas.map((r) => sheetAddress(sheet, r)).join(", ");
    if (prop === "areaCount") return areas.length;
    if (prop === "cellCount") return areas.reduce((n, r) => n + rectCells(r), 0);
    throw bad(`RangeAreas.${prop}`);
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
}

// ---------------------------------------------------------------- formats

export class FakeRangeFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => RangeTarget,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "RangeFormat";
  }
  protected get _scalarProps(): string[] {
    return ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _child(name: string): FakeClientObject | null {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return null;
  }
  protected _read(t: unknown, prop: string): unknown {
    const { sheet, rect } = t as RangeTarget;
    switch (prop) {
      case "columnWidth":
        return uniform({ ...rect, top: 0, bottom: 0 }, (_r, c) => sheet.columnWidths.get(c) ?? 48);
      case "rowHeight":
        return uniform({ ...rect, left: 0, right: 0 }, (r) => sheet.rowHeights.get(r) ?? 15);
      case "wrapText":
        return uniform(rect, (r, c) => sheet.format(r, c)?.wrapText ?? false);
      case "horizontalAlignment":
        return uniform(rect, (r, c) => sheet.format(r, c)?.horizontalAlignment ?? "General");
      case "verticalAlignment":
        return uniform(rect, (r, c) => sheet.format(r, c)?.verticalAlignment ?? "Bottom");
      default:
        throw bad(`RangeFormat.${prop}`);
    }
  }
  private cells(prop: string, v: unknown, edit: (f: CellFormat) => void): void {
    this._set(prop, v, ({ sheet, rect }: RangeTarget) => eachCell(rect, (r, c) => edit(sheet.editFormat(r, c))));
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, ({ sheet, rect }: RangeTarget) => {
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v, ({ sheet, rect }: RangeTarget) => {
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v);
    });
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this.cells("wrapText", v, (f) => (f.wrapText = v));
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.cells("horizontalAlignment", v, (f) => (f.horizontalAlignment = v));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.cells("verticalAlignment", v, (f) => (f.verticalAlignment = v));
  }
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.context, `${this._path}.fill`, this.find);
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this.context, `${this._path}.font`, this.find);
  }
  get borders(): FakeRangeBorderCollection {
    return new FakeRangeBorderCollection(this.context, `${this._path}.borders`, this.find);
  }
  autofitColumns(): void {
    this._call("autofitColumns", [], () => undefined);
  }
  autofitRows(): void {
    this._call("autofitRows", [], () => undefined);
  }
}

const NO_FILL_COLOR = "#FFFFFF";

export class FakeRangeFill extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => RangeTarget,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "RangeFill";
  }
  protected get _scalarProps(): string[] {
    return this.context._host.excelApiMinor >= 9 ? ["color", "pattern", "patternColor"] : ["color"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(t: unknown, prop: string): unknown {
    const { sheet, rect } = t as RangeTarget;
    if ((prop === "pattern" || prop === "patternColor") && this.context._host.excelApiMinor < 9) throw new FakeOfficeError(ErrorCodes.apiNotFound, `RangeFill.${prop} needs ExcelApi 1.9`);
    switch (prop) {
      case "color":
        return uniform(rect, (r, c) => sheet.fill(r, c)?.color ?? NO_FILL_COLOR);
      case "pattern":
        return uniform(rect, (r, c) => sheet.fill(r, c)?.pattern ?? (this.context._host.noFillPatternNull ? null : "None"));
      case "patternColor":
        return uniform(rect, (r, c) => sheet.fill(r, c)?.patternColor ?? null);
      default:
        throw bad(`RangeFill.${prop}`);
    }
  }
  private edit(prop: string, v: unknown, fn: (cur: FillState | null) => FillState | null): void {
    this._set(prop, v, ({ sheet, rect }: RangeTarget) => {
      assertEditable(sheet);
      if (rectCells(rect) > MAX_FORMAT_CELLS) {
        const next = fn(null);
        if (next) sheet.fillLayers.push({ rect: { ...rect }, fill: next });
        return;
      }
      eachCell(rect, (r, c) => {
        sheet.editFormat(r, c).fill = fn(sheet.fill(r, c));
      });
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    const color = normaliseColor(v);
    this.edit("color", v, (cur) => ({ color, pattern: cur && cur.pattern !== "None" ? cur.pattern : "Solid", patternColor: cur?.patternColor ?? null }));
  }
  get pattern(): string {
    return this._get("pattern");
  }
  set pattern(v: string) {
    this.context._requireApi(9, "RangeFill.pattern");
    this.edit("pattern", v, (cur) => (v === "None" ? null : { color: cur?.color ?? NO_FILL_COLOR, pattern: v, patternColor: cur?.patternColor ?? null }));
  }
  get patternColor(): string | null {
    return this._get("patternColor");
  }
  set patternColor(v: string) {
    this.context._requireApi(9, "RangeFill.patternColor");
    this.edit("patternColor", v, (cur) => ({ color: cur?.color ?? NO_FILL_COLOR, pattern: cur?.pattern ?? "Solid", patternColor: normaliseColor(v) }));
  }
  clear(): void {
    this._call("clear", [], ({ sheet, rect }: RangeTarget) => {
      assertEditable(sheet);
      if (rectCells(rect) > MAX_FORMAT_CELLS) {
        sheet.fillLayers = sheet.fillLayers.filter((l) => !intersects(l.rect, rect));
        return;
      }
      eachCell(rect, (r, c) => {
        sheet.editFormat(r, c).fill = null;
      });
    });
  }
}

const NAMED_COLORS: Record<string, string> = { white: "#FFFFFF", black: "#000000", red: "#FF0000", yellow: "#FFFF00", green: "#008000", blue: "#0000FF" };

function normaliseColor(v: string): string {
  const named = NAMED_COLORS[v.toLowerCase()];
  if (named) return named;
  if (!/^#[0-9a-fA-F]{6}$/.test(v)) throw bad(`Invalid color '${v}'.`);
  return v.toUpperCase();
}

export class FakeRangeFont extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => RangeTarget,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "RangeFont";
  }
  protected get _scalarProps(): string[] {
    return ["bold", "italic", "size", "color", "name"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(t: unknown, prop: string): unknown {
    const { sheet, rect } = t as RangeTarget;
    switch (prop) {
      case "bold":
        return uniform(rect, (r, c) => sheet.format(r, c)?.bold ?? false);
      case "italic":
        return uniform(rect, (r, c) => sheet.format(r, c)?.italic ?? false);
      case "size":
        return uniform(rect, (r, c) => sheet.format(r, c)?.fontSize ?? 11);
      case "color":
        return uniform(rect, (r, c) => sheet.format(r, c)?.fontColor ?? "#000000");
      case "name":
        return "Calibri";
      default:
        throw bad(`RangeFont.${prop}`);
    }
  }
  private cells(prop: string, v: unknown, edit: (f: CellFormat) => void): void {
    this._set(prop, v, ({ sheet, rect }: RangeTarget) => eachCell(rect, (r, c) => edit(sheet.editFormat(r, c))));
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this.cells("bold", v, (f) => (f.bold = v));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this.cells("italic", v, (f) => (f.italic = v));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this.cells("size", v, (f) => (f.fontSize = v));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    const c = normaliseColor(v);
    this.cells("color", v, (f) => (f.fontColor = c));
  }
  get name(): string {
    return this._get("name");
  }
}

type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";

export class FakeRangeBorderCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => RangeTarget,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "RangeBorderCollection";
  }
  protected get _scalarProps(): string[] {
    return [];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(): unknown {
    throw bad("RangeBorderCollection has no loadable properties in the fake");
  }
  getItem(index: BorderIndex): FakeRangeBorder {
    return new FakeRangeBorder(this.context, `${this._path}.getItem(${index})`, this.find, index);
  }
}

export class FakeRangeBorder extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => RangeTarget,
    private readonly index: BorderIndex,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "RangeBorder";
  }
  protected get _scalarProps(): string[] {
    return ["style", "weight"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(t: unknown, prop: string): unknown {
    const { sheet, rect } = t as RangeTarget;
    const side = { EdgeTop: "top", EdgeBottom: "bottom", EdgeLeft: "left", EdgeRight: "right" }[this.index as string] as "top" | "bottom" | "left" | "right" | undefined;
    if (!side) return null;
    const b = sheet.format(rect.top, rect.left)?.borders?.[side];
    if (prop === "style") return b?.style ?? "None";
    if (prop === "weight") return b?.weight ?? "Thin";
    throw bad(`RangeBorder.${prop}`);
  }
  private apply(patch: Partial<BorderState>): (t: RangeTarget) => void {
    return ({ sheet, rect }) => {
      const put = (r: number, c: number, side: "top" | "bottom" | "left" | "right"): void => {
        const f = sheet.editFormat(r, c);
        const cur = f.borders?.[side] ?? { style: "Continuous", weight: "Thin" };
        const next = { ...cur, ...patch };
        f.borders = { ...f.borders };
        if (next.style === "None") delete f.borders[side];
        else f.borders[side] = next;
      };
      eachCell(rect, (r, c) => {
        switch (this.index) {
          case "EdgeTop":
            if (r === rect.top) put(r, c, "top");
            break;
          case "EdgeBottom":
            if (r === rect.bottom) put(r, c, "bottom");
            break;
          case "EdgeLeft":
            if (c === rect.left) put(r, c, "left");
            break;
          case "EdgeRight":
            if (c === rect.right) put(r, c, "right");
            break;
          case "InsideHorizontal":
            if (r < rect.bottom) put(r, c, "bottom");
            if (r > rect.top) put(r, c, "top");
            break;
          case "InsideVertical":
            if (c < rect.right) put(r, c, "right");
            if (c > rect.left) put(r, c, "left");
            break;
          default:
            break;
        }
      });
    };
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, this.apply({ style: v }));
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._set("weight", v, this.apply({ weight: v }));
  }
  set color(v: string) {
    this._set("color", v, () => undefined);
  }
}

export class FakeDataValidation extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => RangeTarget,
  ) {
    super(ctx, path);
  }
  protected get _className(): string {
    return "DataValidation";
  }
  protected get _scalarProps(): string[] {
    return ["rule", "type"];
  }
  protected _resolve(): unknown {
    return this.find();
  }
  protected _read(t: unknown, prop: string): unknown {
    const { sheet, rect } = t as RangeTarget;
    const v = sheet.validations.find((x) => intersects(x.rect, rect));
    if (prop === "rule") return v ? v.rule : {};
    if (prop === "type") return v ? Object.keys(v.rule as object)[0] : "None";
    throw bad(`DataValidation.${prop}`);
  }
  get rule(): unknown {
    return this._get("rule");
  }
  set rule(v: unknown) {
    this._set("rule", v, ({ sheet, rect }: RangeTarget) => {
      const list = (v as { list?: { source?: unknown } }).list;
      if (list && typeof list.source === "string" && list.source.length > 255) throw bad("The list source of a data validation is limited to 255 characters.");
      sheet.validations = sheet.validations.filter((x) => !intersects(x.rect, rect));
      sheet.validations.push({ rect: { ...rect }, rule: JSON.parse(JSON.stringify(v)) });
    });
  }
  clear(): void {
    this._call("clear", [], ({ sheet, rect }: RangeTarget) => {
      sheet.validations = sheet.validations.filter((x) => !intersects(x.rect, rect));
    });
  }
}

// ---------------------------------------------------------------- notes and comments

/** Resolve "A1" (in a sheet's collection) or "Sheet!A1" / a Range (anywhere) to one cell. */
function cellOf(ctx: FakeRequestContext, scope: (() => SheetModel) | null, address: string | FakeRange): { sheet: SheetModel; row: number; col: number } {
  let sheet: SheetModel | undefined;
  let rect: Rect | null;
  if (typeof address === "string") {
    const { sheet: name, ref } = splitSheetRef(address);
    sheet = name !== null ? model(ctx).sheetByName(name) : scope?.();
    rect = parseRect(ref);
  } else {
    const t = address._rt();
    sheet = t.sheet;
    rect = t.rect;
  }
  if (!sheet || !rect || rectCells(rect) !== 1) throw new FakeOfficeError("InvalidCellAddress", `The cell address '${typeof address === "string" ? address : "range"}' is invalid or not a single cell.`);
  return { sheet, row: rect.top, col: rect.left };
}

interface NoteTarget {
  sheet: SheetModel;
  key: number;
}

export class FakeNoteCollection extends FakeClientObject {
  private loadedItems: FakeNote[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly scope: (() => SheetModel) | null,
  ) {
    super(ctx, path);
    ctx._requireApi(18, "notes");
  }
  protected get _className(): string {
    return "NoteCollection";
  }
  protected get _scalarProps(): string[] {
    return ["items"];
  }
  protected _resolve(): unknown {
    return this.scope ? this.scope() : model(this.context);
  }
  private all(): NoteTarget[] {
    const sheets = this.scope ? [this.scope()] : model(this.context).sheets;
    return sheets.flatMap((sheet) => [...sheet.notes.keys()].map((key) => ({ sheet, key })));
  }
  protected _read(_t: unknown, prop: string): unknown {
    const sub = prop === "items" ? ["content", "authorName"] : [prop.replace(/^items\//, "")];
    return this.all().map((nt) => {
      const row: Record<string, unknown> = { "@sheet": nt.sheet.id, "@key": nt.key };
      for (const p of sub) row[p] = FakeNote.read(nt, p);
      return row;
    });
  }
  _commit(data: Record<string, unknown>, isNull: boolean | undefined): void {
    super._commit({}, isNull);
    const lists = Object.values(data) as Record<string, unknown>[][];
    if (lists.length === 0) return;
    const m = model(this.context);
    const byId = new Map<string, Record<string, unknown>>();
    for (const list of lists)
      for (const row of list) {
        const id = `${row["@sheet"]}:${row["@key"]}`;
        byId.set(id, { ...byId.get(id), ...row });
      }
    this.loadedItems = [...byId.values()].map((row) => {
      const sheet = m.sheetById(row["@sheet"] as string) as SheetModel;
      const nt = { sheet, key: row["@key"] as number };
      const n = new FakeNote(this.context, `notes[${nt.sheet.id}:${nt.key}]`, () => nt)._bind(nt);
      const d = { ...row };
      delete d["@sheet"];
      delete d["@key"];
      n._commit(d, undefined);
      return n;
    });
  }
  get items(): FakeNote[] {
    if (!this.loadedItems) return this._get("items");
    return this.loadedItems;
  }
  private byKey(key: string): NoteTarget | null {
    const c = cellOf(this.context, this.scope, key);
    const k = cellKey(c.row, c.col);
    return c.sheet.notes.has(k) ? { sheet: c.sheet, key: k } : null;
  }
  add(cellAddress: string | FakeRange, content: unknown): FakeNote {
    const note = new FakeNote(this.context, `${this._path}.add()`, () => null);
    this.context._enqueue({ a: "call", o: this._path, n: "add", v: [typeof cellAddress === "string" ? cellAddress : "range", content] }, () => {
      const c = cellOf(this.context, this.scope, cellAddress);
      assertEditable(c.sheet);
      const k = cellKey(c.row, c.col);
      if (this.context._host.addsLeft.notes-- <= 0) throw new FakeOfficeError(ErrorCodes.generalException, "There was an internal error while processing the request.");
      if (c.sheet.notes.has(k)) throw bad(`The cell ${a1(c.row, c.col)} already has a note.`);
      if (model(this.context).comments.items.some((x) => x.sheetId === c.sheet.id && x.row === c.row && x.col === c.col)) throw new FakeOfficeError(ErrorCodes.invalidOperation, `The cell ${a1(c.row, c.col)} has a comment.`);
      c.sheet.notes.set(k, { content: String(content), author: "Fund Audit" });
      note._bind({ sheet: c.sheet, key: k });
    });
    return note;
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => this.byKey(key));
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.byKey(key), true);
  }
  getItemAt(index: number): FakeNote {
    return new FakeNote(this.context, `${this._path}.getItemAt(${index})`, () => this.all()[index] ?? null);
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this.context, this._path, "getCount", () => this.all().length);
  }
}

export class FakeNote extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => NoteTarget | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  protected get _className(): string {
    return "Note";
  }
  protected get _scalarProps(): string[] {
    return ["content", "authorName", "visible"];
  }
  protected _resolve(): unknown {
    const t = this.find();
    return t && t.sheet.notes.has(t.key) ? t : null;
  }
  protected _read(t: unknown, prop: string): unknown {
    return FakeNote.read(t as NoteTarget, prop);
  }
  static read({ sheet, key }: NoteTarget, prop: string): unknown {
    const n = sheet.notes.get(key);
    if (!n) throw new FakeOfficeError(ErrorCodes.itemNotFound, "The note no longer exists.");
    if (prop === "content") return n.content;
    if (prop === "authorName") return n.author;
    if (prop === "visible") return false;
    throw bad(`Note.${prop}`);
  }
  get content(): string {
    return this._get("content");
  }
  set content(v: string) {
    this._set("content", v, (t: NoteTarget) => {
      assertEditable(t.sheet);
      const n = t.sheet.notes.get(t.key);
      if (n) n.content = v;
    });
  }
  get authorName(): string {
    return this._get("authorName");
  }
  delete(): void {
    this._call("delete", [], (t: NoteTarget) => {
      assertEditable(t.sheet);
      t.sheet.notes.delete(t.key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, `${this._path}.getLocation()`, () => {
      const t = this._target() as NoteTarget;
      const { row, col } = keyToCell(t.key);
      return { sheet: t.sheet, rect: { top: row, left: col, bottom: row, right: col } };
    });
  }
}

export class FakeCommentCollection extends FakeClientObject {
  private loadedItems: FakeComment[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly scope: (() => SheetModel) | null,
  ) {
    super(ctx, path);
    ctx._requireApi(10, "comments");
  }
  protected get _className(): string {
    return "CommentCollection";
  }
  protected get _scalarProps(): string[] {
    return ["items"];
  }
  protected _resolve(): unknown {
    return this.scope ? this.scope() : model(this.context);
  }
  private all(): WorkbookModel["comments"]["items"] {
    const items = model(this.context).comments.items;
    if (!this.scope) return items;
    const id = this.scope().id;
    return items.filter((c) => c.sheetId === id);
  }
  protected _read(_t: unknown, prop: string): unknown {
    const sub = prop === "items" ? ["id", "content", "authorName"] : [prop.replace(/^items\//, "")];
    return this.all().map((c) => {
      const row: Record<string, unknown> = { "@id": c.id };
      for (const p of sub) row[p] = FakeComment.read(c, p);
      return row;
    });
  }
  _commit(data: Record<string, unknown>, isNull: boolean | undefined): void {
    super._commit({}, isNull);
    const lists = Object.values(data) as Record<string, unknown>[][];
    if (lists.length === 0) return;
    const m = model(this.context);
    const byId = new Map<string, Record<string, unknown>>();
    for (const list of lists) for (const row of list) byId.set(row["@id"] as string, { ...byId.get(row["@id"] as string), ...row });
    this.loadedItems = [...byId.entries()].map(([id, row]) => {
      const c = m.comments.items.find((x) => x.id === id) ?? null;
      const x = new FakeComment(this.context, `comments.getItem(${id})`, () => c)._bind(c);
      const d = { ...row };
      delete d["@id"];
      x._commit(d, undefined);
      return x;
    });
  }
  get items(): FakeComment[] {
    if (!this.loadedItems) return this._get("items");
    return this.loadedItems;
  }
  add(cellAddress: string | FakeRange, content: string, contentType?: string): FakeComment {
    const comment = new FakeComment(this.context, `${this._path}.add()`, () => null);
    this.context._enqueue({ a: "call", o: this._path, n: "add", v: [typeof cellAddress === "string" ? cellAddress : "range", content, contentType ?? "Plain"] }, () => {
      const c = cellOf(this.context, this.scope, cellAddress);
      const m = model(this.context);
      if (this.context._host.addsLeft.comments-- <= 0) throw new FakeOfficeError(ErrorCodes.generalException, "There was an internal error while processing the request.");
      if (m.comments.items.some((x) => x.sheetId === c.sheet.id && x.row === c.row && x.col === c.col)) throw bad(`The cell ${a1(c.row, c.col)} already has a comment.`);
      if (c.sheet.notes.has(cellKey(c.row, c.col))) throw new FakeOfficeError(ErrorCodes.invalidOperation, `The cell ${a1(c.row, c.col)} has a note.`);
      const state = { id: `{comment-${m.comments.next++}}`, sheetId: c.sheet.id, row: c.row, col: c.col, content, author: "Fund Audit" };
      m.comments.items.push(state);
      comment._bind(state);
    });
    return comment;
  }
  getItem(commentId: string): FakeComment {
    return new FakeComment(this.context, `comments.getItem(${commentId})`, () => model(this.context).comments.items.find((c) => c.id === commentId) ?? null);
  }
  getItemOrNullObject(commentId: string): FakeComment {
    this.context._requireApi(14, "CommentCollection.getItemOrNullObject");
    return new FakeComment(this.context, `comments.getItemOrNullObject(${commentId})`, () => model(this.context).comments.items.find((c) => c.id === commentId) ?? null, true);
  }
  getItemByCell(cellAddress: string | FakeRange): FakeComment {
    return new FakeComment(this.context, `${this._path}.getItemByCell()`, () => {
      const c = cellOf(this.context, this.scope, cellAddress);
      return model(this.context).comments.items.find((x) => x.sheetId === c.sheet.id && x.row === c.row && x.col === c.col) ?? null;
    });
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this.context, this._path, "getCount", () => this.all().length);
  }
}

type CommentTarget = WorkbookModel["comments"]["items"][number];

export class FakeComment extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly find: () => CommentTarget | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  protected get _className(): string {
    return "Comment";
  }
  protected get _scalarProps(): string[] {
    return ["id", "content", "authorName"];
  }
  protected _resolve(): unknown {
    const t = this.find();
    return t && model(this.context).comments.items.includes(t) ? t : null;
  }
  protected _read(t: unknown, prop: string): unknown {
    return FakeComment.read(t as CommentTarget, prop);
  }
  static read(c: CommentTarget, prop: string): unknown {
    if (prop === "id") return c.id;
    if (prop === "content") return c.content;
    if (prop === "authorName") return c.author;
    throw bad(`Comment.${prop}`);
  }
  get id(): string {
    return this._get("id");
  }
  get content(): string {
    return this._get("content");
  }
  set content(v: string) {
    this._set("content", v, (c: CommentTarget) => {
      c.content = v;
    });
  }
  get authorName(): string {
    return this._get("authorName");
  }
  delete(): void {
    this._call("delete", [], (c: CommentTarget) => {
      const m = model(this.context);
      m.comments.items = m.comments.items.filter((x) => x !== c);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, `${this._path}.getLocation()`, () => {
      const c = this._target() as CommentTarget;
      const sheet = model(this.context).sheetById(c.sheetId);
      return sheet ? { sheet, rect: { top: c.row, left: c.col, bottom: c.row, right: c.col } } : null;
    });
  }
}
