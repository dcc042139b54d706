// Browser end-to-end harness: serves the production dist/ on 127.0.0.1, bundles the fake
// Office/Excel host (test/fake-office/browser.ts) with webpack into a temp dir, and drives Debian's
// Chromium with playwright-core. The Office.js CDN URL is answered with the fake host; any other
// request off 127.0.0.1 fails the test, as do page errors and console errors.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page, type Route } from "playwright-core";
import webpack from "webpack";
import type { FakeOfficeOptions, FakeSheetSeed, FakeWorkbookSeed } from "../fake-office";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const RESULTS = path.join(ROOT, "test-results");
export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Run the browser tests, or say clearly why not (only allowed outside CI). */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) return true; // in CI a missing browser must fail, not skip
  console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium). CI never skips.`);
  return false;
}

export function ensureBuilt(): void {
  if (fs.existsSync(path.join(DIST, "taskpane.html")) && fs.existsSync(path.join(DIST, "taskpane.js"))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
}

/** The fake host as one classic script (no eval: the pane's CSP applies to it too). */
export async function bundleFakeOffice(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: "production",
    devtool: false,
    context: ROOT,
    target: "web",
    entry: path.join(ROOT, "test/fake-office/browser.ts"),
    output: { path: outDir, filename: "fake-office.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } } }],
    },
    node: { global: false },
    optimization: { minimize: false },
    performance: { hints: false },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))));
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return fs.readFileSync(path.join(outDir, "fake-office.js"), "utf8");
}

const MIME: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".txt": "text/plain; charset=utf-8" };

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** A tiny static server for dist/ on 127.0.0.1 and a free port. */
export async function serveDist(): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Excel's 1900 date system serial of a UTC date. */
function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

type ExcelJsCell = { value: unknown; isMerged: boolean; master: { address: string }; address: string };

function scalar(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return excelSerial(v);
  const o = v as Record<string, unknown>;
  if ("result" in o) return scalar(o.result); // formula: its cached value
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
  if ("text" in o) return String(o.text); // hyperlink
  if ("error" in o) return String(o.error);
  return String(v);
}

/** The seed workbook as the fake host's seed: values as Excel's API returns them, merges, hidden rows. */
export async function seedFromXlsx(file: string): Promise<FakeWorkbookSeed> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: FakeSheetSeed[] = [];
  wb.eachSheet((ws) => {
    const values: (string | number | boolean | null)[][] = [];
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.hidden) hiddenRows.push(rowNumber - 1);
      const out: (string | number | boolean | null)[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => {
        const cell = c as unknown as ExcelJsCell;
        // Excel reports a merged area's value in its top-left cell only.
        out[col - 1] = cell.isMerged && cell.master.address !== cell.address ? null : scalar(cell.value);
      });
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      values[rowNumber - 1] = out;
    });
    for (let i = 0; i < values.length; i++) if (!values[i]) values[i] = [];
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    sheets.push({ name: ws.name, values, hiddenRows, merges, visibility: ws.state === "visible" ? "Visible" : ws.state === "veryHidden" ? "VeryHidden" : "Hidden" });
  });
  return { sheets };
}

/** A small workbook in the seed's shape, for when examples/yiyang-2021.xlsx is not there. */
export function inlineSeed(): FakeWorkbookSeed {
  return {
    sheets: [
      {
        name: "项目信息",
        values: [
          ["项目", "内容"],
          ["项目名称", "2021年电子商务发展专项资金"],
          ["主管部门", "益阳市商务局"],
          ["实施单位", "益阳市商务局"],
          ["资金年度", 2021],
          ["金额单位", "万元"],
          ["全年预算数", 500],
          ["全年执行数", 382.5],
          ["适用区域", "资阳区、赫山区、益阳高新区"],
          ["自评得分", 100],
        ],
      },
      {
        name: "资金分配",
        values: [
          ["序号", "区域", "单位名称", "支持方向", "批复金额", "拨付金额"],
          [1, "资阳区", "益阳市甲电商有限公司", "企业做大做强", 20, 20],
          [2, "赫山区", "益阳市乙农业科技有限公司", "农特产品上行", 17, 17],
        ],
      },
      {
        name: "支出明细",
        values: [
          ["序号", "单位名称", "支出内容", "支出类别", "金额"],
          [1, "益阳市甲电商有限公司", "直通车推广", null, 12],
          [2, "益阳市甲电商有限公司", "促销特价活动", null, 8],
          [3, "益阳市乙农业科技有限公司", "培训费用", null, 17],
        ],
      },
      {
        name: "绩效指标",
        values: [
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"],
          ["产出指标", "数量指标", "支持企业数", "≥20家", "2家", 50],
          ["效益指标", "经济效益指标", "网络销售额", "≥10亿元", "12亿元", 30],
          ["满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "95%", 10],
        ],
      },
    ],
  };
}

export interface PaneSession {
  context: BrowserContext;
  origin: string;
  /** Problems seen on any page: off-host requests, page errors, console errors. */
  problems: string[];
  close(): Promise<void>;
}

export async function startSession(fakeOfficeJs: string, seed: FakeWorkbookSeed): Promise<PaneSession> {
  const server = await serveDist();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 400, height: 900 },
    locale: "zh-CN",
  });
  const problems: string[] = [];
  const origin = server.origin;
  await context.route("**/*", (route: Route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return hostScript(route, fakeOfficeJs, seed, {});
    const u = new URL(url);
    if (u.hostname === "127.0.0.1" && (u.protocol === "http:" || u.protocol === "ws:")) return route.continue();
    if (u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    problems.push(`request to a non-local host: ${url}`);
    return route.abort("blockedbyclient");
  });
  context.on("page", (page) => watch(page, problems));
  return {
    context,
    origin,
    problems,
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serve the fake host in place of Office.js, seeded before it installs itself. */
export function hostScript(route: Route, fakeOfficeJs: string, seed: FakeWorkbookSeed, options: FakeOfficeOptions): Promise<void> {
  const prelude = `window.__FAKE_OFFICE_SEED__ = ${JSON.stringify(seed)};\nwindow.__FAKE_OFFICE_OPTIONS__ = ${JSON.stringify(options)};\n`;
  return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: prelude + fakeOfficeJs });
}

export function watch(page: Page, problems: string[]): void {
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("requestfailed", (req) => {
    const why = req.failure()?.errorText ?? "";
    // ERR_ABORTED: a reload or close cancelled the request, not a broken page.
    if (new URL(req.url()).hostname === "127.0.0.1" && !why.includes("ERR_ABORTED")) problems.push(`local request failed: ${req.url()} ${why}`);
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, `${name}.png`);
}
