// Command-line parsing: `fund-audit <command> [options] [files]`. Unknown options and missing
// values are usage errors (exit 2), reported in one Chinese line.
import { CliError } from "./cli-error";

export type Command = "validate" | "fill" | "template" | "report" | "demo" | "help" | "version";

export interface ParsedArgs {
  command: Command;
  files: string[];
  format: "text" | "json";
  lang: "zh" | "en";
  config?: string;
  /** Column map JSON (SPEC §8). */
  map?: string;
  output?: string;
  /** validate --summary: the batch summary workbook (SPEC §12). */
  summary?: string;
  /** --skip a,b / --select a,b: finding codes not to report, or the only ones to report. */
  skip?: string[];
  select?: string[];
  inPlace: boolean;
  force: boolean;
  debug: boolean;
}

type ValueKey = "format" | "lang" | "config" | "map" | "output" | "summary" | "skip" | "select";

const VALUE_OPTIONS: Record<string, ValueKey> = {
  "--format": "format",
  "--lang": "lang",
  "--config": "config",
  "--map": "map",
  "-o": "output",
  "--output": "output",
  "--summary": "summary",
  "--skip": "skip",
  "--select": "select",
};

/** Options each command accepts (besides --debug and --help). */
const ALLOWED: Record<Exclude<Command, "help" | "version">, string[]> = {
  validate: ["format", "lang", "config", "map", "summary", "skip", "select"],
  fill: ["output", "inPlace", "force", "lang", "config", "map", "skip", "select"],
  template: ["output"],
  report: ["output", "config"],
  demo: ["output", "lang"],
};

const OPTION_NAME: Record<string, string> = { format: "--format", lang: "--lang", config: "--config", map: "--map", output: "-o", inPlace: "--in-place", summary: "--summary", force: "--force", skip: "--skip", select: "--select" };

export const HELP_HINT = "运行 fund-audit --help 查看用法";

export function parseArgs(argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { command: "help", files: [], format: "text", lang: "zh", inPlace: false, force: false, debug: false };
  const seen = new Set<string>();
  let command: string | undefined;
  let help = false;
  let version = false;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || !arg.startsWith("-") || arg === "-") {
      if (command === undefined) command = arg;
      else parsed.files.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (name === "--help" || name === "-h") help = true;
    else if (name === "--version" || name === "-V" || name === "-v") version = true;
    else if (name === "--debug") parsed.debug = true;
    else if (name === "--in-place") {
      parsed.inPlace = true;
      seen.add("inPlace");
    } else if (name === "--force") {
      parsed.force = true;
      seen.add("force");
    } else if (VALUE_OPTIONS[name]) {
      const key = VALUE_OPTIONS[name];
      const value = eq > 0 && arg.startsWith("--") ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new CliError(`选项 ${name} 缺少取值：${HELP_HINT}`);
      if (seen.has(key)) throw new CliError(`选项 ${name} 重复出现：${HELP_HINT}`);
      seen.add(key);
      setValue(parsed, key, value, name);
    } else {
      throw new CliError(`未知选项 ${arg}：${HELP_HINT}`);
    }
  }
  if (version) return { ...parsed, command: "version" };
  if (help || command === undefined || command === "help") return { ...parsed, command: "help" };
  if (!(command in ALLOWED)) throw new CliError(`未知命令 ${command}：可用命令为 validate、fill、template、report、demo；${HELP_HINT}`);
  const cmd = command as keyof typeof ALLOWED;
  for (const key of seen) {
    if (!ALLOWED[cmd].includes(key)) throw new CliError(`命令 ${cmd} 不接受选项 ${OPTION_NAME[key]}：${HELP_HINT}`);
  }
  parsed.command = cmd;
  checkFiles(parsed);
  return parsed;
}

function setValue(parsed: ParsedArgs, key: ValueKey, value: string, name: string): void {
  if (key === "format") {
    if (value !== "text" && value !== "json") throw new CliError(`${name} 只能是 text 或 json（收到 ${value}）`);
    parsed.format = value;
  } else if (key === "lang") {
    const lang = value.toLowerCase();
    if (lang === "zh" || lang === "zh-cn") parsed.lang = "zh";
    else if (lang === "en" || lang === "en-us") parsed.lang = "en";
    else throw new CliError(`${name} 只能是 zh 或 en（收到 ${value}）`);
  } else if (key === "config") parsed.config = value;
  else if (key === "summary") parsed.summary = value;
  else if (key === "map") parsed.map = value;
  else if (key === "skip" || key === "select") parsed[key] = value.split(/[,，、\s]+/).filter((c) => c !== "");
  else parsed.output = value;
}

function checkFiles(p: ParsedArgs): void {
  const n = p.files.length;
  if (p.command === "validate" && n === 0) throw new CliError(`validate 需要至少一个 .xlsx 文件${p.summary ? "或文件夹" : ""}，例如：fund-audit validate 分配表.xlsx`);
  if (p.command === "fill") {
    if (n !== 1) throw new CliError(`fill 需要且只需要一个输入文件，例如：fund-audit fill 分配表.xlsx -o 分配表.审核.xlsx`);
    if (!p.output && !p.inPlace) throw new CliError(`fill 需要用 -o 指定输出文件（或用 --in-place 写回原文件）`);
    if (!p.output) p.output = p.files[0];
  }
  if (p.command === "template") {
    if (n > 0) throw new CliError(`template 不接受文件参数，请用 -o 指定输出文件，例如：fund-audit template -o 分配表模板.xlsx`);
    if (!p.output) throw new CliError(`template 需要用 -o 指定输出文件，例如：fund-audit template -o 分配表模板.xlsx`);
  }
  if (p.command === "report") {
    if (n !== 1) throw new CliError(`report 需要且只需要一个输入文件，例如：fund-audit report 分配表.xlsx -o 自评报告.docx`);
    if (!p.output) throw new CliError(`report 需要用 -o 指定输出的 Word 文件，例如：fund-audit report 分配表.xlsx -o 自评报告.docx`);
  }
  if (p.command === "demo" && n > 0) throw new CliError(`demo 不接受文件参数（它使用内置示例 examples/yiyang-2021.xlsx）；输出位置用 -o 指定`);
}

export const HELP_TEXT = `fund-audit — 专项资金审核（Fund Audit）

用法：
  fund-audit validate <文件.xlsx...> [--format text|json] [--lang zh|en] [--config 规则.json] [--map 列映射.json]
      校验一个或多个资金分配工作簿，输出审核报告（--format json 输出机器可读结果）。
  fund-audit validate <文件或文件夹...> --summary <汇总.xlsx> [--format text|json] [--lang zh|en]
      批量审核：逐个校验（文件夹内的 .xlsx 逐级查找），输出汇总表，并写出汇总工作簿
      （汇总、问题明细、按代码统计）。有文件含错误或无法读取时退出码为 1。
  fund-audit fill <输入.xlsx> -o <输出.xlsx> [--in-place] [--force] [--lang zh|en] [--config 规则.json] [--map 列映射.json]
      校验并写出副本：增加“审核结果”“绩效自评表”两张工作表，并在有问题的单元格上标色、加批注。
      不会修改输入文件；加 --in-place 才写回原文件；输出文件已存在时须加 --force。
  fund-audit template -o <文件.xlsx>
      生成空白模板（含各输入表、表头、下拉列表和“使用说明”）。
  fund-audit report <输入.xlsx> -o <自评报告.docx> [--config 规则.json]
      由工作簿生成绩效自评报告初稿（Word），数字与绩效自评表一致；不会覆盖已有文件。
  fund-audit demo [-o out/yiyang-2021.checked.xlsx]
      用内置示例（益阳市 2021 年电子商务产业发展引导资金）演示校验与填表。

选项：
  --format text|json   报告格式，默认 text
  --lang zh|en         报告语言，默认 zh（中文）
  --config <文件>      规则配置（JSON），覆盖默认阈值与支出范围
  --map <文件>         列映射（JSON）：指出各表所在工作表、表头行、单位和列（见 docs/input.md）
  -o, --output <文件>  输出文件
  --summary <文件>     批量审核的汇总工作簿（.xlsx）
  --skip 代码,代码      不报告这些问题代码（见 docs/codes.md）
  --select 代码,代码    只报告这些问题代码
  --in-place           允许 fill 覆盖输入文件
  --force              允许 fill 覆盖已存在的输出文件
  --debug              出错时显示详细堆栈
  -h, --help           显示本帮助
  -V, --version        显示版本

退出码：0 无错误；1 发现错误级问题；2 用法错误或文件无法读取（--summary 批量审核时，无法读取的文件计为 1，2 只表示用法错误或汇总无法写出）。
`;
