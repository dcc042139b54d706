// Reading a .docx back in tests: its parts as text, and the document's text without tags.
import * as fs from "fs";
import { strFromU8, unzipSync } from "fflate";

export function docxParts(file: string): Record<string, string> {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, strFromU8(v)]));
}

/** The document's text: one line per paragraph, tags stripped, entities decoded. */
export function docxText(file: string): string {
  const xml = docxParts(file)["word/document.xml"];
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
