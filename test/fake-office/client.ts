// Request/response machinery of the fake host: a queue of actions per RequestContext, applied
// at sync(), with office-js semantics where adapters trip over them — properties throw until
// loaded *and* synced, every sync is counted and its request/response payload measured, and
// Excel on the web's limits (5 MB payloads, > 5,000,000-cell gets, cell-edit mode) are enforced.
import type { WorkbookModel } from "./model";

/** An error as office-js raises it: `code` is what adapters switch on. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export const ErrorCodes = {
  propertyNotLoaded: "PropertyNotLoaded",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  generalException: "GeneralException",
  apiNotFound: "ApiNotFound",
  invalidReference: "InvalidReference",
} as const;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  error?: string;
  /** Held by the host until the user left cell-edit mode (Excel.run's delayForCellEdit). */
  delayed?: boolean;
}

export interface HostLimits {
  /** Excel on the web rejects a request or a response larger than this (bytes). */
  payloadLimit: number;
  /** A get of more cells than this returns `values: null` without an error. */
  maxCellsPerGet: number;
  /** A values get of more cells than this fails with GeneralException (a host short of memory). */
  generalExceptionCells: number;
}

/** State shared by every context of one fake host. */
export interface HostState {
  model: WorkbookModel;
  limits: HostLimits;
  /** ExcelApi minor version supported, e.g. 18 for ExcelApi 1.18. */
  excelApiMinor: number;
  syncCount: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  syncs: SyncRecord[];
  cellEditSyncs: number;
  /** No fill reads back as pattern null (office-js #4900) instead of "None". */
  noFillPatternNull: boolean;
  suspendCalculation: number;
  suspendScreenUpdating: number;
  /** Milliseconds spent applying actions to the model: Excel's work, done in its own process. */
  hostMs: number;
  /** The host honours Excel.run's delayForCellEdit (office.js asks for the "DelayForCellEdit" set). */
  delayForCellEdit: boolean;
  /** Undo records the user could step back through: one per writing sync, one per merged run. */
  undoSteps: number;
  /** Notes / comments that may still be added before every further add fails (Infinity: never). */
  addsLeft: { notes: number; comments: number };
}

/** What Excel.run was given besides the batch (Excel.RunOptions). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** CPU time where the runtime reports it (Node), else wall time. */
function hostClock(): number {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (!p?.cpuUsage) return globalThis.performance.now();
  const u = p.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface LoadResult {
  obj: FakeClientObject;
  data: Record<string, unknown>;
  isNull?: boolean;
}

interface Action {
  desc: Record<string, unknown>;
  run(results: LoadResult[]): void;
  /** A method that only returns a value (no change to undo). */
  read?: boolean;
}

/** Fixed bytes per action and per result, close to office-js's verbose JSON envelope. */
const ACTION_OVERHEAD = 120;
const RESULT_OVERHEAD = 40;
/**
 * Every proxy (getItem, getRange, .format, .fill …) is an ObjectPath entry plus an Instantiate
 * action in office.js's request. Calibrated against the real request builder
 * (test/excel/request-size.test.ts): a marked cell is ~1,230 B there.
 */
const PATH_BYTES = 125;

/** UTF-8 length of a string without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}

export class FakeRequestContext {
  private queue: Action[] = [];
  /** Proxies created since the last sync. */
  private paths = 0;
  private readonly roots = new Map<string, unknown>();
  /** This run's syncs already made their merged undo record. */
  private undoOpen = false;

  constructor(
    readonly _host: HostState,
    readonly _options: FakeRunOptions = {},
  ) {}

  /** Root objects are created by the Excel layer (workbook, application) and cached here. */
  _root<T>(name: string, make: () => T): T {
    if (!this.roots.has(name)) this.roots.set(name, make());
    return this.roots.get(name) as T;
  }

  _newPath(): void {
    this.paths++;
  }

  _enqueue(desc: Record<string, unknown>, run: (results: LoadResult[]) => void, read = false): void {
    this.queue.push({ desc, run, read });
  }

  get _pending(): number {
    return this.queue.length;
  }

  _requireApi(minor: number, what: string): void {
    if (this._host.excelApiMinor < minor) {
      this._enqueue({ a: "call", n: what }, () => {
        throw new FakeOfficeError(ErrorCodes.apiNotFound, `${what} needs ExcelApi 1.${minor}; this host supports ExcelApi 1.${this._host.excelApiMinor}.`);
      });
    }
  }

  async sync(): Promise<void> {
    // A round trip to the host: office.js resolves sync() in a later task, never in the same one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const host = this._host;
    const queue = this.queue;
    const paths = this.paths;
    this.queue = [];
    this.paths = 0;
    host.syncCount++;
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, actions: queue.length };
    host.syncs.push(record);
    if (host.cellEditSyncs > 0 && host.delayForCellEdit && this._options.delayForCellEdit) {
      // The host holds the batch until the user presses Enter or Esc, then runs it.
      host.cellEditSyncs = 0;
      record.delayed = true;
    }
    if (host.cellEditSyncs > 0) {
      host.cellEditSyncs--;
      record.error = ErrorCodes.invalidOperationInCellEditMode;
      throw new FakeOfficeError(ErrorCodes.invalidOperationInCellEditMode, "This operation is not allowed while Excel is in cell-edit mode. Exit cell-edit mode and try again.");
    }
    record.requestBytes = jsonBytes(queue.map((a) => a.desc)) + ACTION_OVERHEAD * queue.length + PATH_BYTES * paths;
    host.maxRequestBytes = Math.max(host.maxRequestBytes, record.requestBytes);
    if (record.requestBytes > host.limits.payloadLimit) {
      record.error = ErrorCodes.requestPayloadSizeLimitExceeded;
      throw new FakeOfficeError(ErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size has exceeded the limit (${record.requestBytes} bytes).`);
    }
    const results: LoadResult[] = [];
    const started = hostClock();
    try {
      for (const a of queue) a.run(results);
    } catch (e) {
      record.error = e instanceof FakeOfficeError ? e.code : String(e);
      throw e;
    } finally {
      host.hostMs += hostClock() - started;
    }
    record.responseBytes = results.reduce((n, r) => n + jsonBytes(r.data) + RESULT_OVERHEAD, 0);
    host.maxResponseBytes = Math.max(host.maxResponseBytes, record.responseBytes);
    if (record.responseBytes > host.limits.payloadLimit) {
      record.error = ErrorCodes.responsePayloadSizeLimitExceeded;
      throw new FakeOfficeError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
    }
    for (const r of results) r.obj._commit(r.data, r.isNull);
    if (queue.some((a) => !a.read && a.desc.a !== "load" && a.desc.a !== "path")) {
      // ExcelApi 1.20's mergeUndoGroup: every sync of the run is one undo record; older hosts ignore it.
      const merged = !!this._options.mergeUndoGroup && host.excelApiMinor >= 20;
      if (!merged || !this.undoOpen) host.undoSteps++;
      this.undoOpen = merged;
    }
  }
}

function propertyNotLoaded(cls: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.propertyNotLoaded, `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (${cls})`);
}

export function parseLoadArg(arg: unknown): string[] | null {
  if (arg === undefined || arg === null) return null;
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  if (typeof arg === "object") {
    const sel = (arg as { select?: unknown }).select;
    if (typeof sel === "string") return parseLoadArg(sel);
    if (Array.isArray(sel)) return sel.map(String);
    return null;
  }
  return null;
}

/** Base of every proxy: loaded data appears only after the sync that carried the load. */
export abstract class FakeClientObject {
  private data: Record<string, unknown> = {};
  private nullState: boolean | undefined;
  private cached: unknown;
  private resolvedOnce = false;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly _path: string,
    protected readonly _nullable = false,
  ) {
    context._newPath();
    if (_nullable) {
      context._enqueue({ a: "path", o: _path }, (results) => {
        results.push({ obj: this, data: {}, isNull: this._target() === null });
      });
    }
  }

  protected abstract get _className(): string;
  /** Scalar properties a bare load() returns. */
  protected abstract get _scalarProps(): string[];
  /** Find the model object; null when it does not exist. Called only while a sync runs. */
  protected abstract _resolve(): unknown;
  /** Read a property from the resolved model object (sync time). */
  protected abstract _read(target: unknown, prop: string): unknown;

  /** Resolved once per proxy (office-js binds a path to an object when first used). */
  _target(): unknown {
    if (!this.resolvedOnce) {
      this.cached = this._resolve();
      this.resolvedOnce = true;
    }
    if (this.cached === null && !this._nullable) throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist. (${this._path})`);
    return this.cached;
  }

  /** Used by collections and add() to bind a proxy to a known model object. */
  _bind(target: unknown): this {
    this.cached = target;
    this.resolvedOnce = true;
    return this;
  }

  _commit(data: Record<string, unknown>, isNull: boolean | undefined): void {
    Object.assign(this.data, data);
    if (isNull !== undefined) this.nullState = isNull;
    else if (this._nullable && this.nullState === undefined) this.nullState = false;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      if (!this._nullable && Object.keys(this.data).length > 0) return false;
      throw propertyNotLoaded(this._className, "isNullObject");
    }
    return this.nullState;
  }

  protected _get<T>(prop: string): T {
    if (!(prop in this.data)) throw propertyNotLoaded(this._className, prop);
    return this.data[prop] as T;
  }

  /** The target for a write or a method call; a null object cannot be written to. */
  protected _live(): unknown {
    const t = this._target();
    if (t === null) throw new FakeOfficeError(ErrorCodes.invalidOperation, `The object is a null object (${this._path}).`);
    return t;
  }

  protected _set(prop: string, value: unknown, apply: (target: never) => void): void {
    this.context._enqueue({ a: "set", o: this._path, n: prop, v: value }, () => apply(this._live() as never));
  }

  protected _call(name: string, args: unknown[], apply: (target: never) => void): void {
    this.context._enqueue({ a: "call", o: this._path, n: name, v: args }, () => apply(this._live() as never));
  }

  /** Load for a child path such as "format/fill/color"; overridden by objects with children. */
  protected _child(name: string): FakeClientObject | null {
    void name;
    return null;
  }

  load(arg?: unknown): this {
    const requested = parseLoadArg(arg) ?? this._scalarProps;
    const own: string[] = [];
    for (const p of requested) {
      const slash = p.indexOf("/");
      if (slash > 0 && !p.startsWith("items/")) {
        const child = this._child(p.slice(0, slash));
        if (!child) throw new FakeOfficeError(ErrorCodes.invalidArgument, `Unknown navigation property ${p} on ${this._className}.`);
        child.load(p.slice(slash + 1));
      } else own.push(p);
    }
    this.context._enqueue({ a: "load", o: this._path, v: own }, (results) => {
      const t = this._target();
      if (t === null) {
        results.push({ obj: this, data: {}, isNull: true });
        return;
      }
      const data: Record<string, unknown> = {};
      for (const p of own) data[p] = this._read(t, p);
      results.push({ obj: this, data, isNull: this._nullable ? false : undefined });
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this.data };
  }
}

export class FakeClientResult<T> {
  private v: T | undefined;
  private done = false;

  get value(): T {
    if (!this.done) throw propertyNotLoaded("ClientResult", "value");
    return this.v as T;
  }

  _set(v: T): void {
    this.v = v;
    this.done = true;
  }
}

/** Queue a method whose result is read after sync. */
export function queueResult<T>(ctx: FakeRequestContext, path: string, name: string, compute: () => T): FakeClientResult<T> {
  const r = new FakeClientResult<T>();
  ctx._enqueue(
    { a: "call", o: path, n: name },
    (results) => {
      const v = compute();
      results.push({ obj: { _commit: () => r._set(v) } as unknown as FakeClientObject, data: { value: v as unknown } });
    },
    true,
  );
  return r;
}
