// The fonts of the report and the two package parts written in place of the `docx` package's
// own: a font table that tells Word what each Chinese font is (GB2312 charset, family, pitch,
// PANOSE and an alternative name) so a machine without 仿宋_GB2312 substitutes 仿宋/FangSong and
// then another GB2312 serif (SimSun) rather than a Latin font, and document properties whose
// time is the draft's instead of the clock's. Linux renderers follow the same chain through
// fontconfig (scripts/report-fonts.conf maps it onto Noto Serif/Sans CJK SC).

export const FONTS = { title: "方正小标宋简体", heading: "黑体", body: "仿宋_GB2312", pageNumber: "宋体" } as const;

interface FontEntry {
  name: string;
  altName: string;
  panose: string;
  family: "modern" | "roman" | "auto";
  pitch: "fixed" | "variable";
}

const FONT_TABLE: FontEntry[] = [
  { name: FONTS.body, altName: "仿宋", panose: "02010609030101010101", family: "modern", pitch: "fixed" },
  { name: "仿宋", altName: "FangSong", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  { name: FONTS.heading, altName: "SimHei", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  { name: FONTS.title, altName: "宋体", panose: "02000000000000000000", family: "auto", pitch: "variable" },
  { name: FONTS.pageNumber, altName: "SimSun", panose: "02010600030101010101", family: "auto", pitch: "variable" },
];

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.altName)}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">${fonts}</w:fonts>`;
}

export function coreXml(meta: { title: string; subject: string; creator: string; time: string }): string {
  const time = `<dcterms:created xsi:type="dcterms:W3CDTF">${esc(meta.time)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${esc(meta.time)}</dcterms:modified>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${esc(meta.title)}</dc:title><dc:subject>${esc(meta.subject)}</dc:subject><dc:creator>${esc(meta.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${esc(meta.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>${time}</cp:coreProperties>`
  );
}
