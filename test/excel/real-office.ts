// The real office.js request builder (the debug build shipped in @microsoft/office-js), loaded in
// a Node vm with a stub window: batches are queued on a real Excel.RequestContext and the JSON
// body office.js would send is measured; nothing is executed.
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

const SCRIPT = path.join(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

export const realOfficeAvailable = fs.existsSync(SCRIPT);

interface RealContext {
  workbook: Excel.Workbook;
  _pendingRequest: { buildRequestMessageBodyAndRequestFlags(): { body: unknown } };
}

let excel: { RequestContext: new (url: string) => RealContext } | null = null;

function load(): NonNullable<typeof excel> {
  if (excel) return excel;
  const noop = (): void => undefined;
  const win: Record<string, unknown> = {
    navigator: { userAgent: "node" },
    location: { href: "https://localhost/", protocol: "https:", search: "", hash: "" },
    document: { readyState: "complete", addEventListener: noop, getElementsByTagName: () => [], createElement: () => ({ setAttribute: noop, style: {} }) },
    addEventListener: noop,
    setTimeout,
    clearTimeout,
    console: { log: noop, warn: noop, error: noop, info: noop },
  };
  win.window = win;
  const context = vm.createContext(win);
  vm.runInContext(fs.readFileSync(SCRIPT, "utf8"), context, { filename: SCRIPT });
  excel = (context as unknown as { Excel: NonNullable<typeof excel> }).Excel;
  return excel;
}

/** UTF-8 bytes of the request body office.js builds for the batch. */
export function realRequestBytes(batch: (context: Excel.RequestContext) => void): number {
  const context = new (load().RequestContext)("https://localhost/fund-audit");
  batch(context as unknown as Excel.RequestContext);
  return Buffer.byteLength(JSON.stringify(context._pendingRequest.buildRequestMessageBodyAndRequestFlags().body));
}
