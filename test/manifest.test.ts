// Offline checks of manifest.xml: `office-addin-manifest validate` needs the network, so the
// schema rules that matter for sideloading are checked here with a small XML parser.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

class XmlError extends Error {}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** A strict, non-validating XML 1.0 parser: well-formedness only (no DTDs). */
function parseXml(src: string): XmlElement {
  let i = 0;
  const lineAt = (pos: number): number => src.slice(0, pos).split("\n").length;
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} at line ${lineAt(i)}`);
  };
  const startsWith = (s: string): boolean => src.startsWith(s, i);
  const skipSpace = (): void => {
    while (i < src.length && " \t\r\n".includes(src[i])) i++;
  };
  const readName = (): string => {
    const start = i;
    if (!NAME_START.test(src[i] ?? "")) fail(`expected a name, got ${JSON.stringify(src[i])}`);
    i++;
    while (i < src.length && NAME_CHAR.test(src[i])) i++;
    return src.slice(start, i);
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;&<\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) fail(`unterminated entity reference "${whole}"`);
      if (ref.startsWith("#x")) {
        if (!/^#x[0-9A-Fa-f]+$/.test(ref)) fail(`bad character reference &${ref};`);
        return String.fromCodePoint(parseInt(ref.slice(2), 16));
      }
      if (ref.startsWith("#")) {
        if (!/^#[0-9]+$/.test(ref)) fail(`bad character reference &${ref};`);
        return String.fromCodePoint(parseInt(ref.slice(1), 10));
      }
      if (!(ref in PREDEFINED)) fail(`undefined entity &${ref};`);
      return PREDEFINED[ref];
    });
  const skipComment = (): void => {
    const end = src.indexOf("-->", i + 4);
    if (end < 0) fail("unterminated comment");
    if (src.slice(i + 4, end).includes("--")) fail("'--' inside a comment");
    i = end + 3;
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (startsWith("<!--")) skipComment();
      else if (startsWith("<?")) {
        const end = src.indexOf("?>", i + 2);
        if (end < 0) fail("unterminated processing instruction");
        i = end + 2;
      } else return;
    }
  };

  const parseElement = (): XmlElement => {
    const line = lineAt(i);
    i++; // <
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const hadSpace = " \t\r\n".includes(src[i]);
      skipSpace();
      if (startsWith("/>")) {
        i += 2;
        return { name, attrs, children: [], text: "", line };
      }
      if (startsWith(">")) {
        i++;
        break;
      }
      if (!hadSpace) fail(`expected whitespace before attribute in <${name}>`);
      const attr = readName();
      if (attr in attrs) fail(`duplicate attribute ${attr} in <${name}>`);
      skipSpace();
      if (src[i] !== "=") fail(`expected = after ${attr}`);
      i++;
      skipSpace();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} value must be quoted`);
      const end = src.indexOf(quote, i + 1);
      if (end < 0) fail(`unterminated attribute ${attr}`);
      const raw = src.slice(i + 1, end);
      if (raw.includes("<")) fail(`'<' in attribute ${attr}`);
      attrs[attr] = decode(raw);
      i = end + 1;
    }
    const el: XmlElement = { name, attrs, children: [], text: "", line };
    for (;;) {
      if (i >= src.length) fail(`unclosed <${name}>`);
      if (startsWith("</")) {
        i += 2;
        const close = readName();
        if (close !== name) fail(`</${close}> closes <${name}>`);
        skipSpace();
        if (src[i] !== ">") fail(`expected > after </${close}`);
        i++;
        return el;
      }
      if (startsWith("<!--")) skipComment();
      else if (startsWith("<![CDATA[")) {
        const end = src.indexOf("]]>", i + 9);
        if (end < 0) fail("unterminated CDATA");
        el.text += src.slice(i + 9, end);
        i = end + 3;
      } else if (startsWith("<?")) {
        const end = src.indexOf("?>", i + 2);
        if (end < 0) fail("unterminated processing instruction");
        i = end + 2;
      } else if (src[i] === "<") {
        el.children.push(parseElement());
      } else {
        const next = src.indexOf("<", i);
        const raw = src.slice(i, next < 0 ? src.length : next);
        if (raw.includes("]]>")) fail("']]>' in text");
        el.text += decode(raw);
        i = next < 0 ? src.length : next;
      }
    }
  };

  if (src.charCodeAt(0) === 0xfeff) i = 1;
  if (startsWith("<?xml")) {
    const end = src.indexOf("?>", i);
    if (end < 0) fail("unterminated XML declaration");
    if (!/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][A-Za-z0-9._-]*")?(\s+standalone="(yes|no)")?\s*\?>$/.test(src.slice(i, end + 2))) fail("bad XML declaration");
    i = end + 2;
  }
  skipMisc();
  if (startsWith("<!DOCTYPE")) fail("DOCTYPE is not allowed in a manifest");
  if (src[i] !== "<") fail("expected the root element");
  const root = parseElement();
  skipMisc();
  if (i < src.length) fail("content after the root element");
  return root;
}

function localName(name: string): string {
  return name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
}

function walk(el: XmlElement, visit: (el: XmlElement, parents: XmlElement[]) => void, parents: XmlElement[] = []): void {
  visit(el, parents);
  for (const c of el.children) walk(c, visit, [...parents, el]);
}

function all(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  walk(root, (el) => {
    if (localName(el.name) === name) out.push(el);
  });
  return out;
}

function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.find((c) => localName(c.name) === name);
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The dev server serves dist/, which holds assets/ as copied by webpack: map the URL to the source file. */
function assetFile(url: string): string {
  const u = new URL(url);
  expect(u.origin).toBe("https://localhost:3000");
  return path.join(ROOT, decodeURIComponent(u.pathname));
}

// OfficeApp (TaskPaneApp) children in the order of the appforoffice 1.1 schema's sequence.
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "VersionOverrides",
  "ExtendedOverrides",
];
const REQUIRED_OFFICE_APP = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"];

const source = fs.readFileSync(MANIFEST, "utf8");
const root = parseXml(source);

describe("xml parser", () => {
  it.each([
    ["<a><b></a>", /closes/],
    ["<a x='1' x='2'/>", /duplicate attribute/],
    ["<a x=1/>", /quoted/],
    ["<a>&nbsp;</a>", /undefined entity/],
    ["<a>&amp</a>", /unterminated entity/],
    ["<a/><b/>", /after the root/],
    ["<a><!-- x -- y --></a>", /inside a comment/],
    ["<a", /unclosed|expected/],
  ])("rejects %s", (xml, err) => {
    expect(() => parseXml(xml)).toThrow(err);
  });

  it("decodes entities and keeps structure", () => {
    const el = parseXml(`<?xml version="1.0"?><a k="&lt;&#x41;&#66;"><b>x &amp; y</b><![CDATA[<z>]]></a>`);
    expect(el.attrs.k).toBe("<AB");
    expect(el.children[0].text).toBe("x & y");
    expect(el.text).toBe("<z>");
  });
});

describe("manifest.xml", () => {
  it("is a well-formed TaskPaneApp for Excel", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    const hosts = child(root, "Hosts").children.map((h) => h.attrs.Name);
    expect(hosts).toEqual(["Workbook"]);
    expect(child(root, "Permissions").text.trim()).toBe("ReadWriteDocument");
    const sets = all(child(root, "Requirements"), "Set").map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`);
    expect(sets).toEqual(["ExcelApi 1.7"]);
    expect(all(child(root, "DefaultSettings"), "SourceLocation")[0].attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
  });

  it("has its OfficeApp children in schema order, each at most once", () => {
    const names = root.children.map((c) => c.name);
    for (const n of names) expect(OFFICE_APP_ORDER).toContain(n);
    const positions = names.map((n) => OFFICE_APP_ORDER.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
    for (const n of REQUIRED_OFFICE_APP) expect(names).toContain(n);
  });

  it("has a fixed GUID id and a four-part version", () => {
    expect(child(root, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(root, "Version").text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("is named 专项资金审核 with an en-US override", () => {
    const name = child(root, "DisplayName");
    expect(name.attrs.DefaultValue).toBe("专项资金审核");
    expect(name.children.map((o) => [o.attrs.Locale, o.attrs.Value])).toEqual([["en-US", "Fund Audit"]]);
    expect(child(root, "DefaultLocale").text.trim()).toBe("zh-CN");
    expect(child(root, "ProviderName").text.trim().length).toBeGreaterThan(0);
    // Schema limits: DisplayName ≤ 125, Description ≤ 250 characters.
    for (const v of [name.attrs.DefaultValue, ...name.children.map((o) => o.attrs.Value)]) expect(v.length).toBeLessThanOrEqual(125);
    const desc = child(root, "Description");
    for (const v of [desc.attrs.DefaultValue, ...desc.children.map((o) => o.attrs.Value)]) {
      expect(v.length).toBeGreaterThan(0);
      expect(v.length).toBeLessThanOrEqual(250);
    }
  });

  it("uses https for every URL", () => {
    const urls: string[] = [];
    walk(root, (el) => {
      for (const [k, v] of Object.entries(el.attrs)) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !k.startsWith("xmlns")) urls.push(v);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(el.text.trim())) urls.push(el.text.trim());
    });
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u).protocol).toBe("https:");
  });

  it("references icons that exist in assets/ with the right dimensions", () => {
    const icon = pngSize(assetFile(child(root, "IconUrl").attrs.DefaultValue));
    expect(icon).toEqual({ width: 32, height: 32 });
    const hi = pngSize(assetFile(child(root, "HighResolutionIconUrl").attrs.DefaultValue));
    expect(hi).toEqual({ width: 64, height: 64 });
    const images = all(root, "Image").filter((el) => el.attrs.id);
    expect(images.map((el) => el.attrs.id).sort()).toEqual(["Icon.16x16", "Icon.32x32", "Icon.80x80"]);
    for (const img of images) {
      const n = Number(/^Icon\.(\d+)x\1$/.exec(img.attrs.id)?.[1]);
      expect(pngSize(assetFile(img.attrs.DefaultValue))).toEqual({ width: n, height: n });
    }
    // Icons used by ribbon controls must declare the size of the image they point at.
    for (const ref of all(root, "Image").filter((el) => el.attrs.resid)) {
      expect(ref.attrs.resid).toBe(`Icon.${ref.attrs.size}x${ref.attrs.size}`);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  it("adds a Home-tab button that shows the task pane", () => {
    const vo = child(root, "VersionOverrides");
    expect(vo.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    const host = child(child(vo, "Hosts"), "Host");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    const dff = child(host, "DesktopFormFactor");
    // DesktopFormFactor: GetStarted?, FunctionFile, ExtensionPoint+
    expect(dff.children.map((c) => c.name)).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    const tab = child(child(dff, "ExtensionPoint"), "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const control = child(child(tab, "Group"), "Control");
    expect(control.attrs["xsi:type"]).toBe("Button");
    const action = child(control, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    expect(all(vo, "Resources")[0].children.map((c) => c.name)).toEqual(["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
  });

  it("resolves every resid to a resource of the right kind, with ids unique and ≤ 32 chars", () => {
    const resources = child(child(root, "VersionOverrides"), "Resources");
    const kinds: Record<string, Set<string>> = {};
    const ids = new Set<string>();
    for (const group of resources.children) {
      kinds[group.name] = new Set();
      for (const r of group.children) {
        expect(ids.has(r.attrs.id)).toBe(false);
        expect(r.attrs.id.length).toBeLessThanOrEqual(32);
        ids.add(r.attrs.id);
        kinds[group.name].add(r.attrs.id);
      }
    }
    const expectedKind = (el: XmlElement, parents: XmlElement[]): string => {
      const n = localName(el.name);
      if (n === "Image") return "bt:Images";
      if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(n)) return "bt:Urls";
      if (n === "Description" && localName(parents[parents.length - 1].name) === "Supertip") return "bt:LongStrings";
      if (n === "Description" && localName(parents[parents.length - 1].name) === "GetStarted") return "bt:LongStrings";
      return "bt:ShortStrings";
    };
    let refs = 0;
    const used = new Set<string>();
    walk(root, (el, parents) => {
      if (!("resid" in el.attrs)) return;
      refs++;
      used.add(el.attrs.resid);
      expect({ resid: el.attrs.resid, in: kinds[expectedKind(el, parents)]?.has(el.attrs.resid) }).toEqual({ resid: el.attrs.resid, in: true });
    });
    expect(refs).toBeGreaterThan(10);
    expect([...ids].filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps ShortStrings ≤ 125 and LongStrings ≤ 250 characters, overrides included", () => {
    const resources = child(child(root, "VersionOverrides"), "Resources");
    const limits: Record<string, number> = { "bt:ShortStrings": 125, "bt:LongStrings": 250 };
    for (const [group, limit] of Object.entries(limits)) {
      for (const s of child(resources, localName(group)).children) {
        const values = [s.attrs.DefaultValue, ...s.children.map((o) => o.attrs.Value)];
        for (const v of values) {
          expect(v.length).toBeGreaterThan(0);
          expect(v.length).toBeLessThanOrEqual(limit);
        }
        expect(s.children.map((o) => o.attrs.Locale)).toEqual(["en-US"]);
      }
    }
  });
});
