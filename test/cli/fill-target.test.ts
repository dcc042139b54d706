// Where fill may write: an existing file needs --force, a symlink is written through, a device,
// a pipe, a folder or a read-only file is refused in one line, the extension must be .xlsx, and
// --in-place keeps the file's mode.
import * as fs from "fs";
import * as path from "path";
import { cli, fixture, tempDir } from "./helpers";

const INPUT = fixture("error.forbidden-category");

async function refused(output: string, ...extra: string[]): Promise<string> {
  const { code, stdout, stderr } = await cli(["fill", INPUT, "-o", output, ...extra]);
  expect([code, stdout]).toEqual([2, ""]);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  return stderr;
}

it("refuses to overwrite an existing file without --force, and replaces it with --force", async () => {
  const out = path.join(tempDir(), "out.xlsx");
  fs.writeFileSync(out, "mine");
  expect(await refused(out)).toContain("--force");
  expect(fs.readFileSync(out, "utf8")).toBe("mine");
  expect((await cli(["fill", INPUT, "-o", out, "--force"])).code).toBe(1);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
});

it("writes through a symlink to its target, keeping the link", async () => {
  const dir = tempDir();
  const target = path.join(dir, "real.xlsx");
  const link = path.join(dir, "link.xlsx");
  fs.symlinkSync(target, link);
  expect((await cli(["fill", INPUT, "-o", link])).code).toBe(1);
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe("PK");
});

it("refuses a device, a folder and a read-only file", async () => {
  expect(await refused("/dev/null")).toContain(".xlsx");
  const dir = tempDir();
  const dev = path.join(dir, "dev.xlsx");
  fs.symlinkSync("/dev/null", dev);
  expect(await refused(dev, "--force")).toContain("设备");
  const folder = path.join(dir, "folder.xlsx");
  fs.mkdirSync(folder);
  expect(await refused(folder, "--force")).toContain("文件夹");
  const ro = path.join(dir, "ro.xlsx");
  fs.writeFileSync(ro, "old");
  fs.chmodSync(ro, 0o444);
  expect(await refused(ro, "--force")).toContain("只读");
  expect(fs.readFileSync(ro, "utf8")).toBe("old");
  expect(fs.readdirSync(dir).sort()).toEqual(["dev.xlsx", "folder.xlsx", "ro.xlsx"]);
});

it("refuses an output that is not .xlsx (an .xlsm Excel would refuse to open)", async () => {
  const dir = tempDir();
  expect(await refused(path.join(dir, "out.xlsm"))).toContain(".xlsx");
  expect(fs.readdirSync(dir)).toEqual([]);
});

it("--in-place keeps the file's mode and leaves no temp file", async () => {
  const dir = tempDir();
  const file = path.join(dir, "in.xlsx");
  fs.copyFileSync(INPUT, file);
  fs.chmodSync(file, 0o600);
  const { uid, gid } = fs.statSync(file);
  expect((await cli(["fill", file, "--in-place"])).code).toBe(1);
  const st = fs.statSync(file);
  expect([st.mode & 0o777, st.uid, st.gid]).toEqual([0o600, uid, gid]);
  expect(fs.readdirSync(dir)).toEqual(["in.xlsx"]);
});
