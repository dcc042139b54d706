// manifest.xml against the official Office add-in manifest XSDs, with xmllint. The schemas are not
// in the repository: they are read from FUND_AUDIT_MANIFEST_XSD or ../shared/schemas/office-addin-manifest/
// (beside the repo); without them, or without xmllint, the check is skipped and says where to put them.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const XSD_DIR = process.env.FUND_AUDIT_MANIFEST_XSD || path.join(ROOT, "..", "shared", "schemas", "office-addin-manifest");
const ENTRY = "OfficeAppManifestV1_1.xsd";
const XS = "http://www.w3.org/2001/XMLSchema";
/** Overrides of other add-in kinds: the root schema imports them, a task-pane manifest never uses them. */
const OTHER_KINDS = new Set(["http://schemas.microsoft.com/office/mailappversionoverrides", "http://schemas.microsoft.com/office/contentappversionoverrides"]);

const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" }).status === 0;
const schemas = fs.existsSync(path.join(XSD_DIR, ENTRY));
const missing = [!schemas && `the Office add-in manifest XSDs (${ENTRY}, OfficeAppBasicTypesV1_0.xsd, TaskPaneAppVersionOverridesV1_0.xsd …) in ${XSD_DIR} or a directory named by FUND_AUDIT_MANIFEST_XSD`, !xmllint && "xmllint (Debian: libxml2-utils)"].filter(Boolean);
if (missing.length) console.warn(`manifest schema check skipped: put ${missing.join(" and ")}`);

/**
 * The schemas as published, made loadable: the docs site rewrote the XML Schema namespace to
 * https (then xmllint says "not a schema document"), and the set may lack the mail/content
 * overrides, which are stubbed as anything. A missing schema the manifest does use is an error.
 */
function preparedSchemas(): { entry: string; stubbed: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-xsd-"));
  for (const f of fs.readdirSync(XSD_DIR).filter((n) => n.endsWith(".xsd"))) fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(XSD_DIR, f), "utf8").split(`https://www.w3.org/2001/XMLSchema`).join(XS));
  const stubbed: string[] = [];
  for (const f of fs.readdirSync(dir)) {
    for (const m of fs.readFileSync(path.join(dir, f), "utf8").matchAll(/<xs:import\s+schemaLocation="([^"]+)"\s+namespace="([^"]+)"/g)) {
      const [, location, ns] = m;
      if (fs.existsSync(path.join(dir, location))) continue;
      if (!OTHER_KINDS.has(ns)) throw new Error(`${XSD_DIR} lacks ${location} (namespace ${ns}), which ${f} imports: add it beside ${ENTRY}.`);
      fs.writeFileSync(path.join(dir, location), `<?xml version="1.0"?>\n<xs:schema xmlns:xs="${XS}" targetNamespace="${ns}" elementFormDefault="qualified"><xs:element name="VersionOverrides" type="xs:anyType"/></xs:schema>\n`);
      stubbed.push(location);
    }
  }
  return { entry: path.join(dir, ENTRY), stubbed };
}

function validate(entry: string, xml: string): { ok: boolean; output: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  const r = spawnSync("xmllint", ["--noout", "--schema", entry, file], { encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.split(file).join("manifest.xml") };
}

(missing.length ? describe.skip : describe)(`manifest.xml against the official XSDs (${XSD_DIR})`, () => {
  const source = fs.readFileSync(MANIFEST, "utf8");
  let entry = "";
  beforeAll(() => {
    const prepared = preparedSchemas();
    entry = prepared.entry;
    if (prepared.stubbed.length) console.log(`manifest schema check: ${prepared.stubbed.join(", ")} missing from ${XSD_DIR}, stubbed (mail/content add-ins only)`);
  });

  it("validates", () => {
    const r = validate(entry, source);
    expect(r.output).toMatch(/manifest\.xml validates/);
    expect(r.ok).toBe(true);
  });

  it.each([
    ["an element the schema does not know", source.replace(/(<\/Id>)/, "$1\n  <Unknown/>")],
    ["OfficeApp children out of order", source.replace(/(\s*<ProviderName>[^<]*<\/ProviderName>)(\s*<DefaultLocale>[^<]*<\/DefaultLocale>)/, "$2$1")],
    ["a version that is not n.n.n.n", source.replace(/<Version>[^<]*<\/Version>/, "<Version>one</Version>")],
  ])("rejects a manifest with %s", (_name, xml) => {
    expect(xml).not.toBe(source);
    const r = validate(entry, xml);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/fails to validate/);
  });
});
