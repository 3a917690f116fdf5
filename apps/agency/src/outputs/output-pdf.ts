import { redactNiks } from '@satupintu/common';
import { maskNik, toZonedIso } from '@satupintu/domain';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode, { type QRCodeToBufferOptions } from 'qrcode';

export interface BilingualText {
  id: string;
  en: string;
}

/** What an issued output shows. Everything a person reads on it, and nothing more. */
export interface OutputFacts {
  documentNo: string;
  /** `${PUBLIC_URL}/v1/verify/${documentNo}`: what the QR code holds (`verificationUrl`). */
  verificationUrl: string;
  agency: { code: string; name: string };
  service: { code: string; name: BilingualText };
  issuedAt: Date;
  /** The agency's IANA zone: the issue date is printed as its clocks showed it. */
  timeZone: string;
  /** The NIK is given whole and printed masked: nobody reading the output needs all of it. */
  holder: { name: string; nik?: string };
  /** The output's own content (a permit's subject, a certificate's particulars), in order. */
  facts: { label: BilingualText; value: string }[];
}

/** The public verification address of a document; `publicUrl` is the gateway's PUBLIC_URL. */
export function verificationUrl(publicUrl: string, documentNo: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/verify/${encodeURIComponent(documentNo)}`;
}

/** The QR code's PNG: medium error correction survives a crease or a stamp on a printout. */
export const QR_OPTIONS: QRCodeToBufferOptions = {
  type: 'png',
  errorCorrectionLevel: 'M',
  margin: 4,
  scale: 4,
};

const PRODUCER = 'SatuPintu';
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const QR_SIZE = 128;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

/**
 * The output as a one-page A4 PDF. The same facts give the same bytes, always: the document's
 * dates are the issue time, the producer is fixed, and pdf-lib writes no random file id, so the
 * stored bytes (and the signed digest) can be rebuilt and compared in tests.
 *
 * The standard Helvetica is used (no font file to ship); a character it cannot draw (outside
 * Windows-1252) is printed as its base letter when it has one, else as '?'.
 */
export async function renderOutputPdf(facts: OutputFacts): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const oblique = await doc.embedFont(StandardFonts.HelveticaOblique);
  const qr = await doc.embedPng(await QRCode.toBuffer(facts.verificationUrl, QR_OPTIONS));

  doc.setTitle(`${facts.service.name.id} ${facts.documentNo}`);
  doc.setSubject(facts.documentNo);
  doc.setAuthor(facts.agency.name);
  doc.setKeywords([facts.documentNo, facts.verificationUrl]);
  doc.setProducer(PRODUCER);
  doc.setCreator(`${PRODUCER} ${facts.agency.code}`);
  doc.setCreationDate(facts.issuedAt);
  doc.setModificationDate(facts.issuedAt);

  const page = doc.addPage(A4);
  const writer = new PageWriter(page, A4[1] - MARGIN);
  const width = A4[0] - 2 * MARGIN;

  writer.text(facts.agency.name, bold, 13, width);
  writer.text(facts.agency.code, regular, 9, width, MUTED);
  writer.gap(24);
  writer.text(facts.service.name.id, bold, 18, width);
  writer.text(facts.service.name.en, oblique, 12, width, MUTED);
  writer.gap(16);
  writer.field('Nomor / Number', facts.documentNo, regular, bold, width);
  writer.field('Tanggal terbit / Issued', issuedOn(facts), regular, regular, width);
  writer.gap(12);
  writer.field('Pemegang / Holder', facts.holder.name, regular, bold, width);
  if (facts.holder.nik !== undefined) {
    writer.field('NIK', maskNik(facts.holder.nik), regular, regular, width);
  }
  writer.gap(12);
  for (const fact of facts.facts) {
    writer.field(`${fact.label.id} / ${fact.label.en}`, fact.value, regular, regular, width);
  }

  // The QR code and how to check the document, at the foot of the page.
  const qrTop = MARGIN + QR_SIZE;
  page.drawImage(qr, { x: MARGIN, y: MARGIN, width: QR_SIZE, height: QR_SIZE });
  const note = new PageWriter(page, qrTop - 4, MARGIN + QR_SIZE + 16);
  const noteWidth = width - QR_SIZE - 16;
  note.text(
    `Dokumen ini ditandatangani secara elektronik oleh ${facts.agency.name}. ` +
      'Periksa keasliannya dengan memindai kode QR atau di alamat:',
    regular,
    9,
    noteWidth,
  );
  note.text(
    `This document is signed electronically by ${facts.agency.name}. ` +
      'Check that it is authentic by scanning the QR code or at:',
    oblique,
    9,
    noteWidth,
    MUTED,
  );
  note.gap(4);
  note.text(facts.verificationUrl, regular, 9, noteWidth);

  return doc.save();
}

function issuedOn(facts: OutputFacts): string {
  // `2026-11-23T10:45:12.123+07:00` → `2026-11-23 10:45 (+07:00)`.
  const iso = toZonedIso(facts.issuedAt, facts.timeZone);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} (${iso.slice(23)})`;
}

/** Lays lines out downwards from `y`, wrapping at word boundaries. */
class PageWriter {
  constructor(
    private readonly page: PDFPage,
    private y: number,
    private readonly x = MARGIN,
  ) {}

  gap(points: number): void {
    this.y -= points;
  }

  text(text: string, font: PDFFont, size: number, width: number, color = INK): void {
    for (const line of wrap(drawable(text, font), font, size, width)) {
      this.y -= size * 1.3;
      this.page.drawText(line, { x: this.x, y: this.y, size, font, color });
    }
  }

  field(label: string, value: string, labelFont: PDFFont, valueFont: PDFFont, width: number) {
    this.text(label, labelFont, 8, width, MUTED);
    this.text(value, valueFont, 11, width);
    this.gap(4);
  }
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

/**
 * Only what the font can draw, and never a whole NIK: a 16-digit run in any fact is masked,
 * as it would be in a log line.
 */
function drawable(text: string, font: PDFFont): string {
  let supported = characterSets.get(font);
  if (!supported) characterSets.set(font, (supported = new Set(font.getCharacterSet())));
  let out = '';
  for (const char of redactNiks(text.replace(/\s+/g, ' ').trim())) {
    if (supported.has(char.codePointAt(0)!)) {
      out += char;
      continue;
    }
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += [...base].every((c) => supported.has(c.codePointAt(0)!)) && base ? base : '?';
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
    // A single word wider than the line (a long URL) is cut where it no longer fits.
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}
