// Entry of the `fund-audit` command (bin/fund-audit.js calls run()). Exit codes, SPEC §6:
// 0 no error findings, 1 error findings, 2 usage error or a file that cannot be read/written.
// exceljs (slow to load) is only required by the commands that write workbooks.
import * as fs from "fs";
import * as path from "path";
import type { RuleConfig } from "../core";
import { parseColumnMap } from "../core/column-map";
import { headerKey } from "../core/sheet-reader";
import { HELP_HINT, HELP_TEXT, parseArgs, type ParsedArgs } from "./args";
import { CliError } from "./cli-error";
import { selectionProblems } from "../core/selection";
import { readConfig } from "./config-file";
import { processIO, type CliIO } from "./io";
import { reportsJson, writeChunked, type ReportEntry } from "./json-out";
import { progressBar, startProgress } from "./progress";
import { terminalSafe } from "./terminal-text";
import { textReport } from "./text-report";
import { exitCodeOf, validateFiles, type FileOutcome } from "./validate-files";

/** The package root: two levels above this file in both src/cli and dist-cli/cli. */
const PACKAGE_ROOT = path.join(__dirname, "..", "..");
export const EXAMPLE_WORKBOOK = path.join(PACKAGE_ROOT, "examples", "yiyang-2021.xlsx");
const DEMO_OUTPUT = path.join("out", "yiyang-2021.checked.xlsx");

export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case "help":
        io.out(HELP_TEXT);
        return 0;
      case "version":
        io.out(`fund-audit ${packageVersion()}\n`);
        return 0;
      case "validate":
        return await validateCommand(args, io);
      case "fill":
        return await fillCommand(args, io);
      case "template":
        return await templateCommand(args, io);
      case "report":
        return await reportCommand(args, io);
      case "demo":
        return await demoCommand(args, io);
    }
  } catch (e) {
    reportFailure(io, e, debug);
    return 2;
  }
}

async function validateCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const config = withCodes(withMap(readConfig(args.config), args.map), args);
  if (args.summary !== undefined) {
    const { batchCommand } = await import("./summary/command");
    return batchCommand({ inputs: args.files, summary: args.summary, format: args.format, lang: args.lang, config }, io);
  }
  const progress = startProgress(io);
  const total = args.files.length;
  const json: ReportEntry[] = [];
  // Reports are printed in the order the files were given, whatever order they finish in.
  const pending = new Map<number, FileOutcome>();
  let next = 0;
  let done = 0;
  const emit = (o: FileOutcome): void => {
    if (!o.ok) {
      progress.clear();
      reportFailure(io, o.cause, args.debug, o.error.message);
      if (args.format === "json") json.push({ workbook: o.file, ok: false, error: o.error });
      return;
    }
    if (args.format === "json") json.push({ result: o.result, workbook: o.file });
    else {
      progress.clear();
      if (total > 1 && o.index > 0) io.out(`\n${"─".repeat(60)}\n\n`);
      io.out(textReport(o.result, o.file, { lang: args.lang, color: io.color }));
    }
  };
  const outcomes = await validateFiles(args.files, { lang: args.lang, config }, (o) => {
    done++;
    progress.update(`正在校验 ${progressBar(done, total)}（${terminalSafe(path.basename(o.file))}）`);
    pending.set(o.index, o);
    while (pending.has(next)) {
      emit(pending.get(next) as FileOutcome);
      pending.delete(next++);
    }
  });
  progress.done();
  if (args.format === "json") await writeChunked(io, reportsJson(json));
  else if (total > 1) io.out(`\n${multiFileSummary(outcomes, args.lang)}\n`);
  return Math.max(0, ...outcomes.map(exitCodeOf));
}

function multiFileSummary(outcomes: FileOutcome[], lang: "zh" | "en"): string {
  const failed = outcomes.filter((o) => !o.ok).length;
  const withErrors = outcomes.filter((o) => o.ok && o.result.summary.errors > 0).length;
  const passed = outcomes.length - failed - withErrors;
  return lang === "en"
    ? `${outcomes.length} workbooks: ${passed} passed, ${withErrors} with errors, ${failed} unreadable`
    : `共 ${outcomes.length} 个工作簿：${passed} 个通过，${withErrors} 个有错误，${failed} 个无法读取`;
}

async function fillCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { fillWorkbook } = await import("./fill");
  const progress = startProgress(io);
  const steps = { read: "正在读取工作簿…", validate: "正在校验…", write: "正在写入审核结果和绩效自评表…" };
  const input = args.files[0];
  const output = args.output as string;
  const config = withCodes(withMap(readConfig(args.config), args.map), args);
  let step: keyof typeof steps = "read";
  try {
    const { result, markedCells } = await fillWorkbook({
      input,
      output,
      inPlace: args.inPlace,
      force: args.force,
      lang: args.lang,
      config,
      onStep: (s) => {
        step = s;
        progress.update(steps[s]);
      },
    }).catch((e: unknown) => {
      if (e instanceof CliError || (e as { name?: string })?.name === "WorkbookReadError") throw e;
      const what = { read: "读取", validate: "校验", write: "写入" }[step];
      throw new CliError(`${input}：${what}时出现内部错误，请将该文件反馈给维护者（加 --debug 查看详情）`, 2, e);
    });
    progress.done();
    io.out(fillSummary(output, result.summary, markedCells, args.lang));
    return result.summary.errors > 0 ? 1 : 0;
  } finally {
    progress.done();
  }
}

function fillSummary(output: string, s: { errors: number; warnings: number; infos: number; score: number; grade: string }, marked: number, lang: "zh" | "en"): string {
  return lang === "en"
    ? `Wrote ${output}: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos; ${marked} cells marked; score ${s.score.toFixed(2)} (${s.grade}).\n`
    : `已写入 ${output}：错误 ${s.errors} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项；已在 ${marked} 个单元格上标记；绩效自评得分 ${s.score.toFixed(2)} 分（${s.grade}）。\n`;
}

async function templateCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const output = args.output as string;
  const { writeTemplate } = await import("./template");
  await writeTemplate(output);
  io.out(`已生成模板 ${output}：请在各工作表中填写数据（说明见“使用说明”工作表），然后运行 fund-audit validate ${output}\n`);
  return 0;
}

async function reportCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { writeReport } = await import("./report");
  const output = args.output as string;
  const { summary: s } = await writeReport({ input: args.files[0], output, config: readConfig(args.config) });
  io.out(`已生成自评报告 ${output}：复核得分 ${s.score.toFixed(2)} 分（${s.grade}），列入问题 ${s.errors + s.warnings} 项（错误 ${s.errors}，警告 ${s.warnings}）。\n`);
  return s.errors > 0 ? 1 : 0;
}

async function demoCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const output = args.output ?? DEMO_OUTPUT;
  const { fillWorkbook } = await import("./fill");
  const progress = startProgress(io);
  progress.update("正在校验示例工作簿…");
  try {
    // The demo rewrites its own output on every run.
    const { result, markedCells } = await fillWorkbook({ input: EXAMPLE_WORKBOOK, output: output, inPlace: false, force: true, lang: args.lang });
    progress.done();
    const shown = path.relative(PACKAGE_ROOT, EXAMPLE_WORKBOOK);
    io.out(textReport(result, shown, { lang: args.lang, color: io.color }));
    io.out(
      args.lang === "en"
        ? `\nDemo: validated ${shown} (a reconstruction of the 益阳市 2021 e-commerce fund) and wrote ${output} with the findings sheet, the self-evaluation form and ${markedCells} marked cells.\n`
        : `\n演示：已校验 ${shown}（据益阳市 2021 年度电子商务产业发展引导资金绩效自评报告重建），结果已写入 ${output}（含“审核结果”“绩效自评表”两张工作表，${markedCells} 个单元格已标记）。\n`,
    );
    return 0;
  } finally {
    progress.done();
  }
}

/** The column map (SPEC §8) joins the config; a map that cannot be used is one located line, exit 2. */
/** --skip / --select add to the config's own lists; a code that does not exist is a usage error. */
function withCodes(config: RuleConfig | undefined, args: ParsedArgs): RuleConfig | undefined {
  if (!args.skip && !args.select) return config;
  const merged: RuleConfig = { ...(config ?? {}) };
  if (args.skip) merged.skip = [...(merged.skip ?? []), ...args.skip];
  if (args.select) merged.select = [...(merged.select ?? []), ...args.select];
  const [problem] = selectionProblems({ skip: args.skip, select: args.select });
  if (problem) throw new CliError(`${problem.replace(/^(skip|select)\[\d+\]/, (_, k: string) => `--${k}`)}`);
  return merged;
}

function withMap(config: RuleConfig | undefined, file: string | undefined): RuleConfig | undefined {
  if (file === undefined) return config;
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new CliError(`无法读取列映射文件 ${file}：请检查路径`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CliError(`列映射文件 ${file} 不是有效的 JSON（${(e as Error).message}）`);
  }
  const res = parseColumnMap(json, headerKey);
  if (!res.map) {
    const [first] = res.errors;
    const more = res.errors.length > 1 ? `（另有 ${res.errors.length - 1} 处问题）` : "";
    throw new CliError(`列映射文件 ${file} 的 ${first.path}：${first.message}${more}`);
  }
  return { ...(config ?? {}), columnMap: res.map };
}

function packageVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}

/**
 * One line on stderr, control characters escaped (file and sheet names come from outside).
 * An unexpected exception is named as an internal error of the command, its text and stack only
 * with --debug: "Cannot read properties of undefined" tells a finance user nothing.
 */
function reportFailure(io: CliIO, e: unknown, debug: boolean, message?: string): void {
  const known = e instanceof CliError || (e as { name?: string })?.name === "WorkbookReadError";
  const text = message ?? (known ? (e as Error).message : `运行时出现内部错误，请将输入文件反馈给维护者（加 --debug 查看详情；${HELP_HINT}）`);
  io.err(`fund-audit: ${terminalSafe(text)}\n`);
  if (!debug) return;
  const detail = e instanceof CliError && e.cause !== undefined ? e.cause : e;
  if (detail instanceof Error && detail.stack) io.err(`${detail.stack}\n`);
  else if (detail !== undefined && detail !== null) io.err(`${String(detail)}\n`);
}
