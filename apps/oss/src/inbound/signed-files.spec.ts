import { signedFileDocumentId, signedFileKey } from './signed-files';

describe('a signed file from OSS', () => {
  const file = { nib: '8120000110171', idIzin: 'I-1', fileUrl: 'https://oss.go.id/f/1.pdf' };

  it('becomes the same document on every attempt, and another file another', () => {
    const id = signedFileDocumentId(file);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(signedFileDocumentId({ ...file })).toBe(id);
    expect(signedFileDocumentId({ ...file, fileUrl: 'https://oss.go.id/f/2.pdf' })).not.toBe(id);
    expect(signedFileDocumentId({ ...file, idIzin: 'I-2' })).not.toBe(id);
  });

  it("is one job per permit and URL, whatever the URL's length", () => {
    const long = { ...file, fileUrl: `https://oss.go.id/${'x'.repeat(2000)}` };
    expect(signedFileKey(long)).toMatch(/^8120000110171:I-1:[0-9a-f]{32}$/);
    expect(signedFileKey(file)).not.toBe(signedFileKey(long));
  });
});
