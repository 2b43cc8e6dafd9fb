// PDF rendering with pdfmake. Letters are built as document definitions by their area
// (pure, testable) and rendered here. Fonts are the Roboto files shipped with pdfmake.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}
let instance: PdfMake | null = null;

/** Loaded on first use: pdfmake and its font machinery are heavy and not needed to start. */
function pdfmake(): PdfMake {
  if (instance) return instance;
  // pdfmake is CommonJS without types for its server entry.
  const pm = require('pdfmake') as PdfMake;
  const roboto = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
  const fontDir = path.dirname(roboto.Roboto.normal);
  pm.setFonts(roboto);
  // Letters never fetch anything: no URLs, and only the font files from disk.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir));
  instance = pm;
  return pm;
}

export type PdfContent = unknown;
export interface PdfDocument {
  info: { title: string; author?: string; subject?: string };
  content: PdfContent[];
  styles?: Record<string, unknown>;
  defaultStyle?: Record<string, unknown>;
  pageMargins?: [number, number, number, number];
  footer?: unknown;
  language?: string;
}

export function renderPdf(doc: PdfDocument): Promise<Buffer> {
  return pdfmake().createPdf({ pageSize: 'A4', language: 'sv-SE', defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25 }, ...doc }).getBuffer();
}
