import { pdfStreamsOf as streamsOf, pdfTextOf as textOf } from '@satupintu/testing';
import { PDFDocument, PDFName, type PDFNumber } from 'pdf-lib';
import QRCode from 'qrcode';
import { QR_OPTIONS, renderOutputPdf, verificationUrl, type OutputFacts } from './output-pdf';

const anOutput = (overrides: Partial<OutputFacts> = {}): OutputFacts => ({
  documentNo: 'DUKCAPIL-2026-000042',
  verificationUrl: verificationUrl('https://mpp.example.go.id/', 'DUKCAPIL-2026-000042'),
  agency: { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
  service: {
    code: 'DUKCAPIL-AKTA-LAHIR',
    name: { id: 'Akta Kelahiran', en: 'Birth Certificate' },
  },
  issuedAt: new Date('2026-11-23T03:45:12.123Z'),
  timeZone: 'Asia/Jakarta',
  holder: { name: 'Siti Rahayu', nik: '3201014506900001' },
  facts: [
    { label: { id: 'Nama anak', en: "Child's name" }, value: 'Putri Ayu Lestari' },
    { label: { id: 'Tempat lahir', en: 'Place of birth' }, value: 'Cibinong' },
  ],
  ...overrides,
});

/** The image's pixels, one value per pixel: true where it is dark. */
async function imagesOf(pdf: Uint8Array) {
  const images: { width: number; height: number; dark: (x: number, y: number) => boolean }[] = [];
  for (const { dict, bytes } of await streamsOf(pdf)) {
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    if (dict.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceRGB')) continue;
    const size = (key: string) => (dict.get(PDFName.of(key)) as PDFNumber).asNumber();
    const width = size('Width');
    images.push({
      width,
      height: size('Height'),
      dark: (x, y) => bytes[(y * width + x) * 3] < 128,
    });
  }
  return images;
}

describe('renderOutputPdf', () => {
  it('shows the number, the title in both languages, the agency and the verification URL', async () => {
    const text = await textOf(await renderOutputPdf(anOutput()));
    expect(text).toEqual(
      expect.arrayContaining([
        'Dinas Kependudukan dan Pencatatan Sipil',
        'Akta Kelahiran',
        'Birth Certificate',
        'DUKCAPIL-2026-000042',
        'Siti Rahayu',
        'Putri Ayu Lestari',
        'https://mpp.example.go.id/v1/verify/DUKCAPIL-2026-000042',
      ]),
    );
  });

  it("prints the issue time on the agency's clock, with its offset", async () => {
    const jakarta = await textOf(await renderOutputPdf(anOutput()));
    expect(jakarta).toContain('2026-11-23 10:45 (+07:00)');
    const jayapura = await textOf(await renderOutputPdf(anOutput({ timeZone: 'Asia/Jayapura' })));
    expect(jayapura).toContain('2026-11-23 12:45 (+09:00)');
  });

  it('prints the NIK masked, and never a whole NIK, even one given as a fact', async () => {
    const pdf = await renderOutputPdf(
      anOutput({
        facts: [{ label: { id: 'NIK ibu', en: "Mother's NIK" }, value: '3201014506900002' }],
      }),
    );
    const text = await textOf(pdf);
    expect(text).toContain('3201********0001');
    expect(text).toContain('3201********0002');
    const everything = [
      ...text,
      ...(await streamsOf(pdf)).map((s) => Buffer.from(s.bytes).toString('latin1')),
    ];
    for (const line of everything) expect(line).not.toMatch(/3201014506900001|3201014506900002/);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const metadata = [doc.getTitle(), doc.getSubject(), doc.getAuthor(), doc.getKeywords()];
    expect(metadata.join(' ')).not.toMatch(/4506900001|4506900002/);
  });

  it('holds a QR code of the public verification URL', async () => {
    const url = 'https://mpp.example.go.id/v1/verify/DUKCAPIL-2026-000042';
    const [image] = await imagesOf(await renderOutputPdf(anOutput()));
    // The modules the QR encoder makes for the URL, read back from the embedded image's pixels.
    const qr = QRCode.create(url, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
    const { size } = qr.modules;
    const scale = QR_OPTIONS.scale!;
    const margin = QR_OPTIONS.margin!;
    expect(image.width).toBe((size + 2 * margin) * scale);
    const read: boolean[] = [];
    const expected: boolean[] = [];
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        read.push(image.dark((margin + col) * scale + 1, (margin + row) * scale + 1));
        expected.push(qr.modules.get(row, col) === 1);
      }
    }
    expect(read).toEqual(expected);
    // The quiet zone around it is light, so scanners find the code.
    expect(image.dark(0, 0)).toBe(false);
  });

  it('gives the same bytes for the same facts, whenever it renders them, and other bytes for other facts', async () => {
    const first = await renderOutputPdf(anOutput());
    // Years later by the clock: nothing of the moment of rendering may reach the file.
    jest.useFakeTimers({ now: new Date('2041-07-01T00:00:00Z'), advanceTimers: true });
    try {
      expect(new Date().getUTCFullYear()).toBe(2041);
      const later = await renderOutputPdf(anOutput());
      expect(Buffer.from(later).equals(Buffer.from(first))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
    const other = await renderOutputPdf(anOutput({ documentNo: 'DUKCAPIL-2026-000043' }));
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
  });

  it('records the number and the issue time as its own metadata', async () => {
    const doc = await PDFDocument.load(await renderOutputPdf(anOutput()), {
      updateMetadata: false,
    });
    expect(doc.getSubject()).toBe('DUKCAPIL-2026-000042');
    expect(doc.getProducer()).toBe('SatuPintu');
    expect(doc.getCreationDate()).toEqual(new Date('2026-11-23T03:45:12.000Z'));
    expect(doc.getModificationDate()).toEqual(new Date('2026-11-23T03:45:12.000Z'));
  });

  it('draws letters the standard font lacks as their base letter, or ?', async () => {
    const text = await textOf(
      await renderOutputPdf(anOutput({ holder: { name: 'Ṡiti Ŕahayu 李' } })),
    );
    expect(text).toContain('Siti Rahayu ?');
  });

  it('wraps a long fact onto several lines instead of running off the page', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `kata${i}`).join(' ');
    const text = await textOf(
      await renderOutputPdf(
        anOutput({ facts: [{ label: { id: 'Isi', en: 'Content' }, value: long }] }),
      ),
    );
    const lines = text.filter((line) => line.startsWith('kata'));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
  });

  it('builds the verification URL under the public URL, however it ends', () => {
    expect(verificationUrl('https://mpp.example.go.id', 'PUPR-2026-000001')).toBe(
      'https://mpp.example.go.id/v1/verify/PUPR-2026-000001',
    );
    expect(verificationUrl('https://mpp.example.go.id/', 'PUPR-2026-000001')).toBe(
      'https://mpp.example.go.id/v1/verify/PUPR-2026-000001',
    );
  });
});
