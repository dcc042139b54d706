// `fund-audit validate <files or folders...> --summary 汇总.xlsx` (SPEC §12): validates every
// workbook found (in parallel, see validate-pool), prints the summary as a table or JSON and
// writes the summary workbook. Exit 0: every file readable and without error findings; 1: some
// file has error findings or could not be read; 2: usage error or the summary cannot be written.
import * as path from "path";
import type { Lang, RuleConfig } from "../../core";
import { CliError } from "../cli-error";
import type { CliIO } from "../io";
import { progressBar, startProgress } from "../progress";
import { validateFiles, type FileOutcome } from "../validate-files";
import { collectFiles, displayNames } from "./collect";
import { summaryLayouts } from "./layout";
import { batchFile, type BatchFile } from "./rows";
import { summaryText } from "./text";

export interface BatchOptions {
  inputs: string[];
  summary: string;
  format: "text" | "json";
  lang: Lang;
  config?: RuleConfig;
  /** Time printed on the summary (tests pass a fixed one). */
  time?: Date;
}

export async function batchCommand(opts: BatchOptions, io: CliIO): Promise<number> {
  const summary = opts.summary;
  if (!/\.xlsx$/i.test(summary)) throw new CliError(`--summary 的文件名应以 .xlsx 结尾（收到 ${summary}），例如：--summary 汇总.xlsx`);
  if (opts.inputs.some((f) => path.resolve(f) === path.resolve(summary))) throw new CliError(`汇总文件 ${summary} 不能同时作为输入文件：请换一个文件名`);
  const entries = collectFiles(opts.inputs, summary);
  if (entries.length === 0) throw new CliError(`在 ${opts.inputs.join("、")} 中没有找到 .xlsx 文件`);

  const names = displayNames(entries.map((e) => e.file));
  const files: BatchFile[] = [];
  const toValidate: number[] = [];
  entries.forEach((e, i) => {
    if (e.unlisted === undefined) toValidate.push(i);
    else files.push(batchFile({ index: i, file: e.file, ms: 0, ok: false, error: { code: "unreadable", message: e.unlisted }, cause: null }, names[i]));
  });

  // exceljs takes a while to load: it loads on this thread while the workers validate.
  const writer = import("./write");
  const progress = startProgress(io);
  const total = toValidate.length;
  let done = 0;
  try {
    await validateFiles(
      toValidate.map((i) => entries[i].file),
      { lang: opts.lang, config: opts.config, keep: false },
      (o: FileOutcome) => {
        done++;
        progress.update(`正在校验 ${progressBar(done, total)}（${path.basename(o.file)}）`);
        // Kept as a summary row at once: the full result is not held for the whole batch.
        files.push(batchFile({ ...o, index: toValidate[o.index] }, names[toValidate[o.index]]));
      },
    );
  } finally {
    progress.done();
  }
  files.sort((a, b) => a.row.index - b.row.index);

  if (opts.format === "json") await io.write(`${JSON.stringify(files.map((f) => f.row), null, 2)}\n`);
  else io.out(summaryText(files, opts.lang));

  const { writeSummaryWorkbook } = await writer;
  const summaryDir = path.dirname(path.resolve(summary));
  const linkOf = (file: string): string => path.relative(summaryDir, path.resolve(file)).split(path.sep).join("/");
  await writeSummaryWorkbook(summaryLayouts(files, { time: opts.time ?? new Date(), linkOf }), summary);
  const written = opts.lang === "en" ? `Summary workbook written to ${summary} (汇总, 问题明细, 按代码统计)\n` : `汇总工作簿已写入 ${summary}（汇总、问题明细、按代码统计）\n`;
  if (opts.format === "json") io.err(written);
  else io.out(`\n${written}`);

  return files.some((f) => f.row.status === "unreadable" || (f.row.errors ?? 0) > 0) ? 1 : 0;
}
