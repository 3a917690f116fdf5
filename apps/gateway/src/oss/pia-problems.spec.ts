import { isPiaPath, piaFailureOf, piaReplyKey } from './pia-problems';

describe('problems on the OSS routes, in the PIA shape', () => {
  it('applies to the PIA methods, not to SatuPintu’s own routes under /v1/oss/', () => {
    expect(isPiaPath('/v1/oss/receiveNIB')).toBe(true);
    expect(isPiaPath('/v1/oss/receiveNIBKKPR')).toBe(true);
    expect(isPiaPath('/v1/oss/unmapped-permits')).toBe(false);
    expect(isPiaPath('/v1/oss/deliveries')).toBe(false);
    expect(isPiaPath('/v1/oss/files')).toBe(false);
    expect(isPiaPath('/v1/applications')).toBe(false);
  });

  it('keys the reply by the method the path names', () => {
    expect(piaReplyKey('/v1/oss/receiveNIB')).toBe('responreceiveNIB');
    expect(piaReplyKey('/v1/oss/receiveFileDS')).toBe('responreceiveFileDS');
    expect(piaReplyKey('/v1/oss/%3Cscript%3E')).toBe('respon');
  });

  it("uses Lampiran 9's wording and names the body when it is not JSON", () => {
    expect(piaFailureOf('/v1/oss/receiveNIB', 400, { code: 'malformed_json', title: 'x' })).toEqual(
      { responreceiveNIB: { status: '2', keterangan: 'Data Parameter Salah: body' } },
    );
    expect(piaFailureOf('/v1/oss/receiveNIB', 401, {})).toEqual({
      responreceiveNIB: { status: '2', keterangan: 'User Akses Tidak Valid' },
    });
  });

  it("falls back to the problem's title, then to a fixed text", () => {
    expect(piaFailureOf('/v1/oss/receiveNIB', 503, { title: 'Layanan tidak tersedia' })).toEqual({
      responreceiveNIB: { status: '2', keterangan: 'Layanan tidak tersedia' },
    });
    expect(piaFailureOf('/v1/oss/receiveNIB', 504, 'not json')).toEqual({
      responreceiveNIB: { status: '2', keterangan: 'Gagal memproses data' },
    });
  });
});
