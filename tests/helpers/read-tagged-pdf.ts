import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from "pdf-lib";
import { getDocumentProxy } from "unpdf";

/**
 * What an assistive technology finds in a generated PDF, read back by two independent readers:
 * pdf-lib for the catalog (language, MarkInfo, DisplayDocTitle, StructTreeRoot and its
 * ParentTree), and pdf.js (the reader in Firefox, which builds its accessibility tree the same
 * way) for the structure tree with the text each element marks, page by page.
 */
export type TaggedPdf = {
  lang: string | undefined;
  marked: boolean;
  displayDocTitle: boolean;
  hasStructTreeRoot: boolean;
  hasParentTree: boolean;
  /** Every structure element that marks content, in reading order: "Document/L/LI/LBody/P: text". */
  elements: TaggedElement[];
  /** Text drawn outside any marked-content sequence (neither structure nor artifact). */
  untaggedText: string[];
  /** The TH elements' /Scope attributes. */
  headerScopes: string[];
  /** All text, as a text extraction gives it. */
  text: string;
};
export type TaggedElement = { page: number; path: string; role: string; text: string; alt?: string };

type StructNode = { role?: string; alt?: string; children?: (StructNode | { type: "content" | "object" | "annotation"; id: string })[] };
type TextItem = { str?: string; type?: string; id?: string | null };

function textOf(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

export async function readTaggedPdf(bytes: Uint8Array): Promise<TaggedPdf> {
  const doc = await PDFDocument.load(bytes);
  const catalog = doc.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const preferences = catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
  const structTreeRoot = catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const headerScopes: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of("S")) === PDFName.of("TH")) {
      const attributes = object.lookupMaybe(PDFName.of("A"), PDFDict);
      headerScopes.push(attributes?.get(PDFName.of("Scope"))?.toString().replace(/^\//, "") ?? "");
    }
  }

  // A copy: pdf.js may take over the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const elements: TaggedElement[] = [];
  const untaggedText: string[] = [];
  const allText: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    let depth = 0;
    let current: string | undefined;
    for (const item of content.items as TextItem[]) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
        depth++;
        current = item.id ?? undefined;
      } else if (item.type === "endMarkedContent") {
        depth--;
        current = undefined;
      } else if (item.str !== undefined) {
        allText.push(item.str);
        if (depth === 0 && item.str.trim()) untaggedText.push(item.str);
        if (current) byId.set(current, `${byId.get(current) ?? ""}${item.str}`);
      }
    }
    const walk = (node: StructNode, path: string[]) => {
      // pdf.js names the StructTreeRoot itself "Root": paths start at its child, the Document.
      const own = node.role && node.role !== "Root" ? [...path, node.role] : path;
      const marked = (node.children ?? []).filter((child): child is { type: "content"; id: string } => "type" in child && child.type === "content");
      if (node.role && (marked.length > 0 || node.alt)) {
        const text = marked.map((child) => byId.get(child.id) ?? "").join(" ").replace(/\s+/g, " ").trim();
        elements.push({ page: number, path: own.join("/"), role: node.role, text, ...(node.alt ? { alt: node.alt } : {}) });
      }
      for (const child of node.children ?? []) if (!("type" in child)) walk(child, own);
    };
    const tree = (await page.getStructTree()) as StructNode | null;
    if (tree) walk(tree, []);
  }
  await pdf.destroy();

  return {
    lang: textOf(catalog.get(PDFName.of("Lang"))),
    marked: markInfo?.get(PDFName.of("Marked")) === PDFBool.True,
    displayDocTitle: preferences?.get(PDFName.of("DisplayDocTitle")) === PDFBool.True,
    hasStructTreeRoot: structTreeRoot?.get(PDFName.of("Type")) === PDFName.of("StructTreeRoot"),
    hasParentTree: structTreeRoot?.lookupMaybe(PDFName.of("ParentTree"), PDFDict)?.lookupMaybe(PDFName.of("Nums"), PDFArray) !== undefined,
    elements,
    untaggedText,
    headerScopes,
    text: allText.join(" "),
  };
}
