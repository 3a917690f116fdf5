import { DomainError } from '@satupintu/common';
import { givenUpReason, signedFileDocumentId, signedFileKey } from './signed-files';

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

describe('why a signed file was given up on', () => {
  it("says the last error: a neighbour's code and which service, or the error's message", () => {
    expect(
      givenUpReason(
        new DomainError('service_unavailable', 503, [], {
          service: 'intake',
          retryAfterSeconds: 5,
        }),
      ),
    ).toBe('gave_up: service_unavailable (intake)');
    expect(givenUpReason(new Error('the file server answered 503'))).toBe(
      'gave_up: the file server answered 503',
    );
    expect(
      givenUpReason(AbortSignal.abort(new DOMException('aborted', 'TimeoutError')).reason),
    ).toBe('gave_up: TimeoutError: aborted');
  });

  it("shows no URL's query or user, no NIK, and no more than 300 characters", () => {
    const reason = givenUpReason(
      new Error(
        'GET https://user:pw@files.oss.go.id/izin/1.pdf?signature=s3cr3t&expires=1#p failed for 3201015506900003',
      ),
    );
    expect(reason).toBe(
      'gave_up: GET https://files.oss.go.id/izin/1.pdf failed for 3201********0003',
    );
    expect(givenUpReason(new Error('x'.repeat(1000)))).toHaveLength(300);
  });
});
