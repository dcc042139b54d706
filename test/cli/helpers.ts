// Shared by the CLI tests: run the CLI in-process with captured output, temp dirs, and raw
// looks into written xlsx files.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { run } from "../../src/cli/main";

export const ROOT = path.join(__dirname, "..", "..");
export const FIXTURES_DIR = path.join(ROOT, "test", "fixtures");
export const EXAMPLE = path.join(ROOT, "examples", "yiyang-2021.xlsx");
export const fixture = (name: string): string => path.join(FIXTURES_DIR, `${name}.xlsx`);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], tty: { color?: boolean; progress?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    out: (t) => (stdout += t),
    write: async (t) => {
      stdout += typeof t === "string" ? t : Buffer.from(t).toString("utf8");
    },
    err: (t) => (stderr += t),
    color: tty.color ?? false,
    progress: tty.progress ?? false,
  });
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-cli-"));
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every worksheet part's XML, by sheet name. */
export function sheetXml(file: string): Record<string, string> {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const text = (p: string): string => strFromU8(zip[p]);
  const rels = text("xl/_rels/workbook.xml.rels");
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)) target.set(m[1], m[2].replace(/^\/?(xl\/)?/, "xl/"));
  const out: Record<string, string> = {};
  for (const m of text("xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const name = m[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    out[name] = text(target.get(m[2]) as string);
  }
  return out;
}

/** Text of the formulas (<f> elements) in one sheet's XML. */
export function formulasIn(xml: string): string[] {
  return [...xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
}
