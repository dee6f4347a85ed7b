// Reads a PDF back with Mozilla's pdf.js, as a screen reader's PDF engine would, for the tests.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  readonly text: string;
  /** Type size in points. */
  readonly size: number;
  readonly x: number;
  /** Baseline, measured down from the top of the page. */
  readonly top: number;
  /** The marked-content id linking the text to the structure tree; undefined for artifacts. */
  readonly contentId: string | undefined;
}

export interface PdfStructNode {
  readonly role: string;
  readonly children: readonly (PdfStructNode | { readonly type: 'content'; readonly id: string })[];
}

export interface PdfPage {
  readonly texts: readonly PdfText[];
  readonly structTree: PdfStructNode | null;
  readonly fonts: readonly { readonly name: string; readonly embedded: boolean }[];
}

export interface ReadPdf {
  readonly info: Readonly<Record<string, unknown>>;
  readonly xmp: Readonly<Record<string, unknown>>;
  readonly markInfo: { readonly Marked: boolean } | null;
  readonly viewerPreferences: Readonly<Record<string, unknown>> | null;
  readonly pages: readonly PdfPage[];
}

interface TextItemLike {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly type?: string;
  readonly id?: string | null;
}

interface FontLike {
  readonly name?: string;
  readonly missingFile?: boolean;
}

export async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const { info, metadata } = await pdf.getMetadata();
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const [height, content, structTree, operators] = [
      page.view[3] ?? 0,
      await page.getTextContent({ includeMarkedContent: true }),
      (await page.getStructTree()) as unknown as PdfStructNode | null,
      await page.getOperatorList(),
    ];
    const fontIds = new Set(
      operators.fnArray.flatMap((fn, i) => (fn === OPS.setFont ? [String(operators.argsArray[i][0])] : [])),
    );
    const fonts = [...fontIds].map((id) => page.commonObjs.get(id) as FontLike);
    pages.push({
      texts: textsOf(content.items as TextItemLike[], height),
      structTree,
      fonts: fonts.map((font) => ({ name: font.name ?? '', embedded: font.missingFile === false })),
    });
  }
  const [markInfo, viewerPreferences] = [await pdf.getMarkInfo(), await pdf.getViewerPreferences()];
  await pdf.destroy();
  return {
    info: info as Record<string, unknown>,
    xmp: (metadata?.getAll() ?? {}) as Record<string, unknown>,
    markInfo,
    viewerPreferences: viewerPreferences as Record<string, unknown> | null,
    pages,
  };
}

function textsOf(items: readonly TextItemLike[], pageHeight: number): PdfText[] {
  const open: (string | undefined)[] = [];
  const texts: PdfText[] = [];
  for (const item of items) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
      open.push(item.id ?? undefined);
    else if (item.type === 'endMarkedContent') open.pop();
    else if (item.str && item.str.trim() !== '' && item.transform) {
      const [, , , size = 0, x = 0, y = 0] = item.transform;
      texts.push({ text: item.str, size, x, top: pageHeight - y, contentId: open.at(-1) });
    }
  }
  return texts;
}

/** Structure roles in document order, depth first. */
export function rolesOf(node: PdfStructNode | null): string[] {
  if (!node) return [];
  return [node.role, ...node.children.flatMap((child) => ('role' in child ? rolesOf(child) : []))];
}

/** The text of the page in structure-tree order: what a screen reader reads. */
export function readingOrder(page: PdfPage): string[] {
  const byContent = new Map<string, string[]>();
  for (const text of page.texts) {
    if (text.contentId) byContent.set(text.contentId, [...(byContent.get(text.contentId) ?? []), text.text]);
  }
  const walk = (node: PdfStructNode): string[] =>
    node.children.flatMap((child) =>
      'role' in child ? walk(child) : [(byContent.get(child.id) ?? []).join(' ')],
    );
  return page.structTree ? walk(page.structTree).filter((text) => text !== '') : [];
}
