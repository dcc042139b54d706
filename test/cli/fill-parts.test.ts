// fill never silently loses what exceljs cannot carry: it refuses --in-place and warns on a copy.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { partsNotKept } from "../../src/cli/fill";
import { cli } from "./helpers";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "yiyang-2021.xlsx");

/** The example with an extra chart part and a macro project in its zip (content is irrelevant to the check). */
function withParts(dir: string): string {
  const files = unzipSync(fs.readFileSync(EXAMPLE));
  files["xl/charts/chart1.xml"] = strToU8("<c:chartSpace/>");
  files["xl/vbaProject.bin"] = new Uint8Array([1, 2, 3]);
  const out = path.join(dir, "with-chart.xlsx");
  fs.writeFileSync(out, zipSync(files));
  return out;
}

describe("parts exceljs does not keep", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-parts-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("are named from the zip directory", () => {
    expect(partsNotKept(fs.readFileSync(EXAMPLE))).toEqual([]);
    expect(partsNotKept(fs.readFileSync(withParts(dir)))).toEqual(["图表", "宏"]);
  });

  it("make --in-place refuse (exit 2) and leave the file as it was", async () => {
    const input = withParts(dir);
    const before = fs.readFileSync(input);
    const { code, stderr } = await cli(["fill", input, "--in-place"]);
    expect(code).toBe(2);
    expect(stderr).toContain("图表、宏");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("give a warning on stderr when writing a copy", async () => {
    const input = withParts(dir);
    const output = path.join(dir, "copy.xlsx");
    const { code, stderr } = await cli(["fill", input, "-o", output]);
    expect(code).toBe(1);
    expect(stderr).toContain("不含这些内容");
    expect(fs.existsSync(output)).toBe(true);
  });
});
