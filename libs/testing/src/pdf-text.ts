import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

/** The streams of a PDF, decoded: content streams and images. */
export async function pdfStreamsOf(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf);
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFRawStream => object instanceof PDFRawStream)
    .map((stream) => ({ dict: stream.dict, bytes: decodePDFRawStream(stream).decode() }));
}

/** Every string the pages draw (pdf-lib writes standard-font text as `<hex> Tj`), in order. */
export async function pdfTextOf(pdf: Uint8Array): Promise<string[]> {
  const lines: string[] = [];
  for (const { bytes } of await pdfStreamsOf(pdf)) {
    for (const [, hex] of Buffer.from(bytes)
      .toString('latin1')
      .matchAll(/<([0-9A-Fa-f]*)> Tj/g)) {
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines;
}
