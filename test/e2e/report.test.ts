// 生成自评报告 in Debian's Chromium on the fake Excel host seeded with examples/yiyang-2021.xlsx:
// the pane renders the .docx in the browser (the docx chunk loaded on demand under the pane's
// CSP) and downloads it, and the download is byte for byte the CLI's `report` of the same file.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "../cli/helpers";
import { docxText } from "../cli/docx-text";
import { ROOT, browserAvailable, bundleFakeOffice, ensureBuilt, seedFromXlsx, startSession, type PaneSession } from "./harness";

const EXAMPLE = path.join(ROOT, "examples", "yiyang-2021.xlsx");
const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser("生成自评报告 in Chromium", () => {
  let session: PaneSession;
  let dir: string;

  beforeAll(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-report-e2e-"));
    const fakeOfficeJs = await bundleFakeOffice(dir);
    session = await startSession(fakeOfficeJs, await seedFromXlsx(EXAMPLE));
  }, 180000);

  afterAll(async () => {
    await session?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("downloads the same bytes the CLI writes for the same workbook", async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.origin}/taskpane.html`);
    await page.getByTestId("validate").click();
    await page.getByTestId("finding").first().waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report").click()]);
    const name = "2021年度益阳市促进电子商务产业发展奖励绩效自评报告.docx";
    expect(download.suggestedFilename()).toBe(name);
    const fromPane = path.join(dir, "pane.docx");
    await download.saveAs(fromPane);
    await page.getByTestId("notice").filter({ hasText: `已生成 ${name}` }).waitFor();

    const fromCli = path.join(dir, "cli.docx");
    expect((await cli(["report", EXAMPLE, "-o", fromCli])).code).toBe(1);
    // On a mismatch, the texts show where the two differ before the bytes are compared.
    expect(docxText(fromPane)).toBe(docxText(fromCli));
    expect(fs.readFileSync(fromPane).equals(fs.readFileSync(fromCli))).toBe(true);
    await page.close();
    expect(session.problems).toEqual([]);
  }, 120000);
});
