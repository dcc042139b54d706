// Checks the production build of the pane (npm test runs `npm run build` before jest; when dist/
// is missing, e.g. `npx jest test/build.test.ts` alone, the build runs here first).
import { execFileSync } from "child_process";
// acorn comes with webpack (its parser).
import * as acorn from "acorn";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CDN_MARKERS = ["static2.sharepointonline.com", "spoprod", "fabric-cdn", "res-1.cdn.office.net", "res.cdn.office.net", "cdn.office.net", "fabricweb", "/fabric/assets"];
// XML namespace names are identifiers, not URLs anything fetches: W3C's, and OOXML's in the report's docx chunk.
const NAMESPACE_URIS = /http:\/\/(?:www\.w3\.org|schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org|purl\.oclc\.org)\/[A-Za-z0-9/._-]*/g;

function read(name: string): string {
  return fs.readFileSync(path.join(DIST, name), "utf8");
}

function cspOf(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html);
  if (!m) throw new Error("no Content-Security-Policy meta");
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0], d.slice(1)]),
  );
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  }
}, 300000);

describe("production build (dist/)", () => {
  it("emits the pane, the ribbon function file, the help page and the icons", () => {
    for (const f of ["taskpane.html", "taskpane.js", "commands.html", "commands.js", "help.html"]) expect(fs.existsSync(path.join(DIST, f))).toBe(true);
    for (const size of [16, 32, 64, 80, 128]) {
      expect(fs.readFileSync(path.join(DIST, "assets", `icon-${size}.png`)).equals(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toBe(true);
    }
    expect(read("taskpane.html")).toMatch(/<script[^>]*\ssrc="?taskpane\.js"?/);
    expect(read("commands.html")).toMatch(/<script[^>]*\ssrc="?commands\.js"?/);
  });

  it("loads Office.js from its CDN, before the pane's script, and nothing else remote", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = read(page);
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
      expect(scripts[0]).toBe(OFFICE_JS);
      expect(scripts.filter((s) => /^[a-z]+:|^\/\//i.test(s))).toEqual([OFFICE_JS]);
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>\s*\S/); // no inline script: the CSP forbids it
      expect(html).not.toMatch(/<link[^>]*href="?(https?:)?\/\//i);
    }
  });

  it("sets a strict Content-Security-Policy", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const csp = cspOf(read(page));
      // Office.js itself loads MicrosoftAjax.js from ajax.aspnetcdn.com in some hosts (office-js #1005).
      expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"]);
      expect(csp.get("connect-src")).toEqual(["'self'"]);
      expect(csp.get("font-src")).toEqual(["'self'", "data:"]);
      expect(csp.get("img-src")).toEqual(["'self'", "data:"]);
      expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      for (const values of csp.values()) {
        expect(values).not.toContain("'unsafe-eval'");
        expect(values).not.toContain("*");
      }
    }
  });

  it("has no http:// URL, no CDN font or icon URL and no eval in the bundle", () => {
    for (const f of fs.readdirSync(DIST).filter((n) => /\.(js|html)$/.test(n))) {
      const text = read(f);
      expect({ file: f, http: text.replace(NAMESPACE_URIS, "").match(/http:\/\/[^\s"'`)]*/g) }).toEqual({ file: f, http: null });
      for (const marker of CDN_MARKERS) expect({ file: f, marker, found: text.includes(marker) }).toEqual({ file: f, marker, found: false });
      expect({ file: f, eval: text.match(/\beval\(|new Function\(/g) }).toEqual({ file: f, eval: null });
    }
    // The pane sets FabricConfig itself and registers its own icons.
    const js = read("taskpane.js");
    expect(js).toContain("fontBaseUrl");
    expect(js).not.toContain("initializeIcons");
  });

  it("is minified, without source maps and without the build machine's paths", () => {
    const files = fs.readdirSync(DIST, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    const js = read("taskpane.js");
    expect(js).not.toContain("sourceMappingURL");
    expect(js.split("\n").length).toBeLessThan(50);
    for (const f of files.filter((n) => /\.(js|html|txt)$/.test(n))) {
      const text = read(f);
      for (const p of [ROOT, "/work/", "/home/", "/root/", "node_modules/"]) expect({ file: f, path: p, found: text.includes(p) }).toEqual({ file: f, path: p, found: false });
    }
  });

  it("reports the bundle size", () => {
    const rows = ["taskpane.js", "commands.js", "taskpane.html"].map((f) => {
      const buf = fs.readFileSync(path.join(DIST, f));
      return { file: f, min: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
    });
    console.log(
      "bundle size (minified / gzip):\n" + rows.map((r) => `  ${r.file.padEnd(14)} ${(r.min / 1024).toFixed(1).padStart(7)} KiB / ${(r.gzip / 1024).toFixed(1).padStart(6)} KiB`).join("\n"),
    );
    const pane = rows[0];
    // A budget, so that an accidental import of a whole icon font or locale set shows up here.
    expect(pane.min).toBeLessThan(1.5 * 1024 * 1024);
    expect(pane.gzip).toBeLessThan(400 * 1024);
  });

  // The floor is Microsoft 365 / Office 2021+ / web / Mac (Chromium WebView2, Safari 13.1+): ES2020.
  // IE11 and EdgeHTML cannot parse that, so legacy-check.js (ES5, before the bundle) tells them.
  it("parses as ES2020; the ES5 legacy check parses as ES5 and is loaded before the bundle", () => {
    for (const f of fs.readdirSync(DIST).filter((n) => n.endsWith(".js") && n !== "legacy-check.js")) {
      expect(() => acorn.parse(read(f), { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
    }
    expect(() => acorn.parse(read("legacy-check.js"), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    const html = read("taskpane.html");
    const check = html.search(/src="?legacy-check\.js/);
    expect(check).toBeGreaterThan(0);
    expect(check).toBeLessThan(html.search(/src="?taskpane\.js/));
    expect(() => acorn.parse("a?.b ?? c", { ecmaVersion: 5 })).toThrow();
  });

  it("the legacy check shows the floor where Promise.allSettled is missing, and nothing elsewhere", () => {
    interface Node { children: Node[]; text: string; attrs: Record<string, string>; appendChild(n: Node): void; setAttribute(k: string, v: string): void; innerHTML?: string }
    const node = (text = ""): Node => ({ children: [], text, attrs: {}, appendChild(n) { this.children.push(n); }, setAttribute(k, v) { this.attrs[k] = v; } });
    const textOf = (n: Node): string => n.text + n.children.map(textOf).join("");
    const run = (promise: unknown): Node => {
      const root = node();
      const document = { readyState: "complete", getElementById: () => root, createElement: () => node(), createTextNode: (t: string) => node(t), addEventListener: () => undefined };
      vm.runInNewContext(read("legacy-check.js"), { document, Promise: promise });
      return root;
    };
    const legacy = run(function LegacyPromise() {});
    expect(textOf(legacy)).toContain("Office 2021");
    expect(textOf(legacy)).toContain("Internet Explorer 11");
    expect(run(Promise).children).toHaveLength(0);
  });
});
