// The tree's shape: no source file over 400 lines, no import cycle anywhere in src/, and the hosts
// behind one interface (src/host): the pane reaches Excel only where it is wired (taskpane/index.tsx).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SRC = path.join(__dirname, "..", "src");
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/**
 * Relative value imports of a file, resolved to files in src/. Type-only imports are erased by the
 * compiler and cannot leave a binding undefined at load time, so they do not make a cycle here.
 */
function importsOf(file: string, known: Set<string>): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s([^;]*?)from\s+["'](\.[^"']+)["']/g)) {
    if (typeOnly(m[2])) continue;
    const base = path.resolve(path.dirname(file), m[3]);
    const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((c) => known.has(c));
    if (hit) out.push(hit);
  }
  return out;
}

/** `type { A }`, `{ type A, type B }`: nothing of the module is loaded. */
function typeOnly(clause: string): boolean {
  const c = clause.trim();
  if (c.startsWith("type ")) return true;
  const names = /^\{([^}]*)\}$/.exec(c);
  return names !== null && names[1].split(",").map((x) => x.trim()).filter((x) => x !== "").every((x) => x.startsWith("type "));
}

/** Every cycle's files, found by depth-first search (each cycle reported once from its first file). */
function cycles(files: string[]): string[][] {
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (f: string): void => {
    state.set(f, 1);
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 1) found.push(stack.slice(stack.indexOf(g)).map((x) => path.relative(SRC, x)));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

/** Folders under src/ that a file imports from, type-only imports included. */
function foldersImported(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)].map((m) => path.relative(SRC, path.resolve(path.dirname(file), m[1])).split(path.sep)[0]);
}

/** Files under src/<folder> that import from a folder they may not reach. */
function reachOutside(files: string[], folder: string, allowed: string[], except: string[] = []): string[] {
  return files
    .filter((f) => path.relative(SRC, f).split(path.sep)[0] === folder && !except.includes(path.relative(SRC, f)))
    .flatMap((f) => foldersImported(f).filter((d) => !allowed.includes(d)).map((d) => `${path.relative(SRC, f)} → ${d}`));
}

describe("source tree", () => {
  const files = sourceFiles(SRC);

  it("has no file over 400 lines", () => {
    const long = files.map((f) => [path.relative(SRC, f), fs.readFileSync(f, "utf8").split("\n").length] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });

  it("has no import cycle", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(cycles(files)).toEqual([]);
  });

  it("keeps hosts behind src/host: the pane imports Excel only in index.tsx, src/host only core", () => {
    expect(reachOutside(files, "host", ["core", "host"])).toEqual([]);
    expect(reachOutside(files, "taskpane", ["core", "host", "taskpane"], [path.join("taskpane", "index.tsx")])).toEqual([]);
    expect(foldersImported(path.join(SRC, "taskpane", "index.tsx"))).toContain("excel");
    expect(reachOutside(files, "taskpane", ["core", "host", "taskpane"])).toEqual([`${path.join("taskpane", "index.tsx")} → excel`]);
  });

  it("the cycle finder finds a cycle when there is one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycle-"));
    fs.writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = b;\n');
    fs.writeFileSync(path.join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
    expect(cycles([path.join(dir, "a.ts"), path.join(dir, "b.ts")]).length).toBe(1);
    fs.writeFileSync(path.join(dir, "b.ts"), 'import { type a } from "./a";\nexport const b = 1 as unknown as typeof a;\n');
    expect(cycles([path.join(dir, "a.ts"), path.join(dir, "b.ts")])).toEqual([]);
  });
});
