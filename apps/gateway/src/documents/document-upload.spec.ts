import { DomainError } from '@satupintu/common';
import { MAX_DOCUMENT_BYTES } from '@satupintu/contracts';
import { aJpeg, aPdf, aPeExecutable, aPng, anElfExecutable } from '@satupintu/testing';
import { createHash } from 'node:crypto';
import { SNIFF_BYTES, UploadMeter, detectDocumentType } from './document-upload';

describe('detectDocumentType', () => {
  it.each([
    ['a PDF', aPdf(5000), 'application/pdf'],
    ['a JPEG', aJpeg(), 'image/jpeg'],
    ['a PNG', aPng(), 'image/png'],
  ])('knows %s by its first bytes', async (_what, bytes, type) => {
    expect(await detectDocumentType(bytes.subarray(0, SNIFF_BYTES))).toBe(type);
  });

  it.each([
    ['a Linux executable', anElfExecutable()],
    ['a Windows executable', aPeExecutable()],
    ['a ZIP archive', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200)])],
    ['plain text', Buffer.from('%PD not quite a PDF, just text')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', async (_what, bytes) => {
    expect(await detectDocumentType(bytes)).toBeUndefined();
  });
});

describe('UploadMeter', () => {
  it('counts and hashes what passes', () => {
    const meter = new UploadMeter(10);
    meter.add(Buffer.from('abcd'));
    meter.add(Buffer.from('efgh'));
    expect(meter.size).toBe(8);
    expect(meter.sha256()).toBe(createHash('sha256').update('abcdefgh').digest('hex'));
  });

  it('takes exactly the limit', () => {
    const meter = new UploadMeter(8);
    meter.add(Buffer.alloc(8));
    expect(meter.size).toBe(8);
  });

  it('refuses the first byte over the limit with a 413 naming it', () => {
    const meter = new UploadMeter(8);
    meter.add(Buffer.alloc(8));
    expect(() => meter.add(Buffer.alloc(1))).toThrow(
      new DomainError('document_too_large', 413, [], { limit: 8 }),
    );
  });

  it('defaults to 10 MiB, so a 10 MB document fits', () => {
    const meter = new UploadMeter();
    meter.add(Buffer.alloc(10_000_000));
    expect(() => meter.add(Buffer.alloc(MAX_DOCUMENT_BYTES - 10_000_000))).not.toThrow();
    expect(() => meter.add(Buffer.alloc(1))).toThrow();
  });
});
