// The example's 自评报告 as a renderer sees it: LibreOffice converts the .docx to PDF with the
// fallback fonts of scripts/report-fonts.conf, and the PDF must be A4 portrait, more than one
// page, numbered, set in the CJK fallbacks (no Latin stand-in), with the key figures on page 1.
// Needs LibreOffice with Writer, poppler-utils (pdfinfo, pdftotext, pdffonts) and fonts-noto-cjk.
// CI's .ci/run installs poppler-utils but not LibreOffice or the fonts (too slow to install there),
// so this test is skipped when any of them is absent, and only then, naming what is missing.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXAMPLE, ROOT, cli } from "./helpers";

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/** What the check needs and is missing: LibreOffice with Writer, poppler's tools, the Noto CJK fonts. */
function missingTools(soffice: string | null): string[] {
  const missing: string[] = [];
  if (!soffice) missing.push("soffice");
  else {
    // soffice without the Writer module (libreoffice-calc-nogui alone) exits 0 and writes no PDF.
    const program = path.dirname(fs.realpathSync(soffice));
    if (!fs.existsSync(path.join(program, "libswlo.so")) && !fs.existsSync(path.join(program, "swriter"))) missing.push("LibreOffice Writer");
  }
  missing.push(...["pdfinfo", "pdftotext", "pdffonts"].filter((t) => !which(t)));
  let families = "";
  try {
    families = execFileSync("fc-list", [":", "family"], { encoding: "utf8" });
  } catch {
    missing.push("fc-list");
  }
  for (const f of ["Noto Serif CJK SC", "Noto Sans CJK SC"]) if (families && !families.includes(f)) missing.push(f);
  return missing;
}

const SOFFICE = which("soffice");
const missing = missingTools(SOFFICE);
if (missing.length)
  console.warn(`[report-render] SKIPPED: ${missing.join(", ")} not found; apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk to run it`);
const describeRender = missing.length ? describe.skip : describe;

describeRender("the example's report rendered by LibreOffice", () => {
  let dir: string;
  let pdf: string;
  const tool = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8" });
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-render-"));
    const docx = path.join(dir, "report.docx");
    await cli(["report", EXAMPLE, "-o", docx]);
    execFileSync(SOFFICE as string, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx], {
      env: { ...process.env, FONTCONFIG_FILE: path.join(ROOT, "scripts", "report-fonts.conf") },
      stdio: "pipe",
      timeout: 170000,
    });
    pdf = path.join(dir, "report.pdf");
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}: it converts without a word when it cannot`);
  }, 180000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is A4 portrait and runs over several numbered pages", () => {
    const info = tool("pdfinfo", [pdf]);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(tool("pdftotext", ["-f", "2", "-l", "2", pdf, "-"])).toMatch(/—\s*2\s*—/);
  });

  it("prints the title and the key figures on page 1", () => {
    const page1 = tool("pdftotext", ["-f", "1", "-l", "1", pdf, "-"]).replace(/\s+/g, "");
    expect(page1).toContain("2021年度益阳市促进电子商务产业发展奖励绩效自评报告");
    expect(page1).toContain("全年预算数500.00万元");
    expect(page1).toContain("全年执行数382.50万元");
    expect(page1).toContain("预算执行率76.50%");
    expect(page1).toMatch(/—1—/);
  });

  it("sets the text in the CJK serif and sans fallbacks, never a Latin font", () => {
    const fonts = tool("pdffonts", [pdf])
      .split("\n")
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
    expect(fonts.some((f) => /NotoSerifCJK/.test(f))).toBe(true);
    expect(fonts.some((f) => /NotoSansCJK/.test(f))).toBe(true);
    expect(fonts.filter((f) => !/CJK/.test(f))).toEqual([]);
  });
});
