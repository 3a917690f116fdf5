import { DomainError } from '@satupintu/common';
import { MAX_DOCUMENT_BYTES, type RegisterDocumentV1 } from '@satupintu/contracts';
import { aJpeg, aPdf, aPeExecutable, aPng, anElfExecutable } from '@satupintu/testing';
import { createHash } from 'node:crypto';
import {
  SNIFF_BYTES,
  UploadMeter,
  detectDocumentType,
  uploadDocument,
  type UploadDocumentPorts,
} from './document-upload';

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

describe('uploadDocument', () => {
  /** An in-memory store and registry, recording what happened to them. */
  function ports(
    options: { failWrite?: boolean; failRegister?: boolean; replayed?: boolean } = {},
  ) {
    const objects = new Map<string, Buffer>();
    const removed: string[] = [];
    const registered: RegisterDocumentV1[] = [];
    const value: UploadDocumentPorts = {
      store: {
        write: async (name, content) => {
          const chunks: Uint8Array[] = [];
          for await (const chunk of content) {
            chunks.push(chunk);
            if (options.failWrite) throw new Error('NATS connection closed');
          }
          objects.set(name, Buffer.concat(chunks));
        },
        remove: (name) => {
          removed.push(name);
          objects.delete(name);
          return Promise.resolve();
        },
      },
      register: (stored) => {
        if (options.failRegister)
          return Promise.reject(new DomainError('service_unavailable', 503));
        registered.push(stored);
        return Promise.resolve({
          documentId: 'd1',
          createdAt: '2026-11-23T03:45:12.123Z',
          ...stored,
        });
      },
      replayed: () => options.replayed === true,
      newObjectName: () => `object-${removed.length + objects.size + 1}`,
    };
    return { value, objects, removed, registered };
  }
  /** The chunks, one at a time, then the end, or `failure` where the end would be. */
  function arriving(chunks: Uint8Array[], failure?: Error): AsyncIterable<Uint8Array> {
    return {
      [Symbol.asyncIterator]: () => {
        let at = 0;
        return {
          next: (): Promise<IteratorResult<Uint8Array>> => {
            if (at < chunks.length) return Promise.resolve({ done: false, value: chunks[at++] });
            if (failure) return Promise.reject(failure);
            return Promise.resolve({ done: true, value: undefined });
          },
        };
      },
    };
  }
  /** The bytes in chunks of 64 KiB, as the parser would hand them on. */
  function source(bytes: Buffer, failure?: Error) {
    let abandoned = false;
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += 65536) chunks.push(bytes.subarray(at, at + 65536));
    return {
      source: {
        chunks: arriving(chunks, failure),
        truncated: () => false,
        abandon: () => (abandoned = true),
      },
      abandoned: () => abandoned,
    };
  }

  it('stores the bytes whole and registers what it measured', async () => {
    const pdf = aPdf(300_000);
    const store = ports();
    const { source: from, abandoned } = source(pdf);
    const document = await uploadDocument(from, store.value);
    expect(document.documentId).toBe('d1');
    expect(store.registered).toEqual([
      {
        objectName: 'object-1',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    ]);
    expect(store.objects.get('object-1')?.equals(pdf)).toBe(true);
    expect(abandoned()).toBe(false);
  });

  it('refuses an executable before storing anything, reading the rest so the client hears it', async () => {
    const store = ports();
    const { source: from, abandoned } = source(anElfExecutable());
    await expect(uploadDocument(from, store.value)).rejects.toMatchObject({
      code: 'document_type_not_allowed',
      status: 415,
    });
    expect(store.objects.size + store.removed.length + store.registered.length).toBe(0);
    expect(abandoned()).toBe(false);
  });

  it('stops at the first byte over 10 MiB, keeps nothing, and gives up on the body', async () => {
    const store = ports();
    const { source: from, abandoned } = source(aPdf(MAX_DOCUMENT_BYTES + 1));
    await expect(uploadDocument(from, store.value)).rejects.toMatchObject({
      code: 'document_too_large',
      status: 413,
    });
    expect(store.objects.size).toBe(0);
    expect(store.removed).toEqual(['object-1']);
    expect(store.registered).toEqual([]);
    expect(abandoned()).toBe(true);
  });

  it('removes what it stored when intake cannot register it', async () => {
    const store = ports({ failRegister: true });
    await expect(uploadDocument(source(aPdf(5000)).source, store.value)).rejects.toMatchObject({
      status: 503,
    });
    expect(store.objects.size).toBe(0);
    expect(store.removed).toEqual(['object-1']);
  });

  it('removes its own copy when intake answers with the first attempt’s document', async () => {
    const store = ports({ replayed: true });
    const document = await uploadDocument(source(aPdf(5000)).source, store.value);
    expect(document.documentId).toBe('d1');
    expect(store.registered).toHaveLength(1);
    expect(store.objects.size).toBe(0);
    expect(store.removed).toEqual(['object-1']);
  });

  it('answers 503 when the store fails, keeping nothing', async () => {
    const store = ports({ failWrite: true });
    await expect(uploadDocument(source(aPdf(5000)).source, store.value)).rejects.toMatchObject({
      code: 'service_unavailable',
      status: 503,
    });
    expect(store.objects.size).toBe(0);
    expect(store.removed).toEqual(['object-1']);
  });

  it('answers 400 when the client goes away mid-upload, keeping nothing', async () => {
    const store = ports();
    const { source: from, abandoned } = source(aPdf(100_000), new Error('Unexpected end of form'));
    await expect(uploadDocument(from, store.value)).rejects.toMatchObject({
      code: 'upload_aborted',
      status: 400,
    });
    expect(store.objects.size).toBe(0);
    expect(store.removed).toEqual(['object-1']);
    expect(abandoned()).toBe(true);
  });
});
