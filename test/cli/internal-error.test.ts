// An unexpected exception (a bug, not the file) reaches the user as one line naming the file and
// the step; the exception's own text and stack only with --debug.
import { cli, fixture, tempDir } from "./helpers";
import * as path from "path";

jest.mock("../../src/cli/xlsx", () => {
  const actual = jest.requireActual<typeof import("../../src/cli/xlsx")>("../../src/cli/xlsx");
  return {
    ...actual,
    readXlsxFile: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'sheets')")),
  };
});

const file = fixture("ok.minimal");

it("validate: one line naming the file and the step, detail with --debug", async () => {
  const r = await cli(["validate", file]);
  expect([r.code, r.stderr]).toEqual([2, `fund-audit: ${file}：校验时出现内部错误，请将该文件反馈给维护者（加 --debug 查看详情）\n`]);
  const d = await cli(["validate", file, "--debug"]);
  expect(d.stderr.split("\n")[0]).toBe(`fund-audit: ${file}：校验时出现内部错误，请将该文件反馈给维护者（加 --debug 查看详情）`);
  expect(d.stderr).toContain("TypeError: Cannot read properties of undefined (reading 'sheets')");
});

it("validate --format json: the error entry carries no exception text", async () => {
  const r = await cli(["validate", file, "--format", "json"]);
  expect(JSON.parse(r.stdout)).toEqual({ workbook: file, ok: false, error: { code: "internal", message: `${file}：校验时出现内部错误，请将该文件反馈给维护者（加 --debug 查看详情）` } });
});

it("fill: one line naming the file and the step", async () => {
  const r = await cli(["fill", file, "-o", path.join(tempDir(), "out.xlsx")]);
  expect([r.code, r.stdout, r.stderr]).toEqual([2, "", `fund-audit: ${file}：读取时出现内部错误，请将该文件反馈给维护者（加 --debug 查看详情）\n`]);
  const d = await cli(["fill", file, "-o", path.join(tempDir(), "out.xlsx"), "--debug"]);
  expect(d.stderr).toContain("TypeError: Cannot read properties of undefined (reading 'sheets')");
});
