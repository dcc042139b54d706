// The worker-thread pool of multi-file validate gives exactly what the in-process path gives.
// The pool runs only from the compiled CLI (dist-cli, built by `npm ci` / `npm run prepare`).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { failureError } from "../../src/cli/validate-pool";
import { WorkbookReadError } from "../../src/cli/xlsx";
import { ROOT, cli, fixture } from "./helpers";

const WORKER = path.join(ROOT, "dist-cli", "cli", "validate-worker.js");
const BIN = path.join(ROOT, "bin", "fund-audit.js");

describe("validate over many files on worker threads", () => {
  const files = [fixture("ok.minimal"), path.join(ROOT, "test", "fixtures", "bad", "unreadable.encrypted.xlsx"), fixture("error.forbidden-category"), fixture("ok.wan-units")];

  it("reports every file in the order given, like the in-process path", async () => {
    if (!fs.existsSync(WORKER)) return; // not compiled: the CLI validates in-process only
    const child = spawnSync(process.execPath, [BIN, "validate", ...files, "--format", "json"], { cwd: ROOT, encoding: "utf8" });
    const inProcess = await cli(["validate", ...files, "--format", "json"]);
    expect(child.status).toBe(2);
    expect(inProcess.code).toBe(2);
    expect(JSON.parse(child.stdout)).toEqual(JSON.parse(inProcess.stdout));
    expect(child.stderr).toBe(inProcess.stderr);
  });

  it("rebuilds worker failures as the errors validateFiles describes", () => {
    const read = failureError({ kind: "read", code: "encrypted", message: "a.xlsx：已加密", file: "a.xlsx" });
    expect(read).toBeInstanceOf(WorkbookReadError);
    expect(read).toMatchObject({ code: "encrypted", message: "a.xlsx：已加密", file: "a.xlsx" });
    expect((read as WorkbookReadError).withFile("a.xlsx").message).toBe("a.xlsx：已加密");
    const internal = failureError({ kind: "internal", message: "boom", stack: "Error: boom\n    at x" });
    expect(internal.message).toBe("boom");
    expect(internal.stack).toContain("at x");
  });
});
