import {
  IZINFINAL_FIELDS,
  IZINSTATUS_FIELDS,
  buildLicenseBody,
  buildLicenseStatusBody,
  checkLicenseBody,
  checkLicenseStatusBody,
  describeOssReply,
  ossAcknowledged,
  piaDateTime,
  type OssPermitRef,
} from './license-bodies';

const permit: OssPermitRef = {
  nib: '8120207730001',
  idIzin: 'I-202111181604410530001',
  kdIzin: '033000000001',
  idProyek: 'R-202112141140213930001',
  ossId: 'P02-201912162112383010001',
};
const at = new Date('2026-12-03T03:04:05Z');

describe('receiveLicenseStatus body (IZINSTATUS)', () => {
  it('has exactly the PIA field names, in its order', () => {
    expect(Object.keys(IZINSTATUS_FIELDS)).toEqual([
      'nib',
      'id_produk',
      'id_proyek',
      'oss_id',
      'id_izin',
      'kd_izin',
      'kd_instansi',
      'kd_status',
      'tgl_status',
      'nip_status',
      'nama_status',
      'keterangan',
      'persetujuan_form',
      'file_lampiran',
      'data_pnbp',
    ]);
  });

  it('builds a body the field list accepts, the time on the agency wall clock', () => {
    const body = buildLicenseStatusBody({
      permit,
      kdInstansi: '001',
      kdStatus: '41',
      at,
      timeZone: 'Asia/Jakarta',
      reason: 'KTP tidak terbaca',
    });
    expect(body).toEqual({
      IZINSTATUS: {
        nib: permit.nib,
        id_produk: '',
        id_proyek: permit.idProyek,
        oss_id: permit.ossId,
        id_izin: permit.idIzin,
        kd_izin: permit.kdIzin,
        kd_instansi: '001',
        kd_status: '41',
        tgl_status: '2026-12-03 10:04:05',
        nip_status: '',
        nama_status: 'Konfirmasi Persyaratan',
        keterangan: 'KTP tidak terbaca',
      },
    });
    expect(checkLicenseStatusBody(body)).toEqual([]);
    expect(piaDateTime(at, 'Asia/Jayapura')).toBe('2026-12-03 12:04:05');
  });

  it('carries the billing on 30, and the PIA wording when there is no reason', () => {
    const body = buildLicenseStatusBody({
      permit,
      kdInstansi: '001',
      kdStatus: '30',
      at,
      timeZone: 'Asia/Jakarta',
      payment: { code: '880812345678901234', amount: 150000, expiresAt: '2026-12-10T16:59:59Z' },
    });
    expect(body.IZINSTATUS.keterangan).toBe(
      'Petugas melakukan verifikasi pembayaran terhadap Pelaku Usaha',
    );
    expect(body.IZINSTATUS.data_pnbp).toEqual({
      kd_billing: '880812345678901234',
      tgl_billing: '2026-12-03',
      tgl_expire: '2026-12-10',
      nominal: '150000',
    });
    expect(checkLicenseStatusBody(body)).toEqual([]);
  });

  it('names every field that does not fit the list', () => {
    const good = buildLicenseStatusBody({
      permit,
      kdInstansi: '001',
      kdStatus: '10',
      at,
      timeZone: 'Asia/Jakarta',
    }).IZINSTATUS;
    const { kd_izin: _dropped, ...missing } = good;
    expect(
      checkLicenseStatusBody({
        IZINSTATUS: {
          ...missing,
          nib: '81202077300011',
          kd_status: '99',
          tgl_status: '2026-12-03T10:04:05',
          persetujuan_form: 'false',
          data_pnbp: { nominal: 'lima', extra: '' },
          status: '10',
        },
        other: {},
      }),
    ).toEqual([
      { field: 'other', problem: 'unknown_field' },
      { field: 'IZINSTATUS.status', problem: 'unknown_field' },
      { field: 'IZINSTATUS.nib', problem: 'too_long' },
      { field: 'IZINSTATUS.kd_izin', problem: 'required' },
      { field: 'IZINSTATUS.kd_status', problem: 'not_a_code' },
      { field: 'IZINSTATUS.tgl_status', problem: 'bad_format' },
      { field: 'IZINSTATUS.persetujuan_form', problem: 'must_be_boolean' },
      { field: 'IZINSTATUS.data_pnbp.extra', problem: 'unknown_field' },
      { field: 'IZINSTATUS.data_pnbp.nominal', problem: 'bad_format' },
    ]);
    expect(checkLicenseStatusBody([])).toEqual([{ field: 'IZINSTATUS', problem: 'required' }]);
    expect(checkLicenseStatusBody({ IZINFINAL: {} })).toEqual([
      { field: 'IZINSTATUS', problem: 'required' },
      { field: 'IZINFINAL', problem: 'unknown_field' },
    ]);
  });

  it('takes the PIA example as having every field, and refuses its empty identifiers', () => {
    // The RequestBody-Example of receiveLicenseStatus, as the PIA prints it.
    const example = {
      IZINSTATUS: {
        nib: '',
        id_produk: '',
        id_proyek: '',
        oss_id: '',
        id_izin: '',
        kd_izin: '',
        kd_instansi: '',
        kd_status: '',
        tgl_status: '',
        nip_status: '',
        nama_status: '',
        keterangan: '',
        file_lampiran: 'abc.pdf',
        persetujuan_form: false,
        data_pnbp: {
          kd_akun: '',
          kd_penerimaan: '',
          kd_billing: '',
          tgl_billing: '',
          tgl_expire: '',
          nominal: '',
          url_dokumen: '',
        },
      },
    };
    expect(checkLicenseStatusBody(example)).toEqual(
      ['nib', 'id_izin', 'kd_izin', 'kd_status', 'tgl_status'].map((f) => ({
        field: `IZINSTATUS.${f}`,
        problem: 'empty',
      })),
    );
  });
});

describe('receiveLicense body (IZINFINAL)', () => {
  it('has exactly the PIA field names, in its order', () => {
    expect(Object.keys(IZINFINAL_FIELDS)).toEqual([
      'nib',
      'id_proyek',
      'oss_id',
      'id_izin',
      'kd_izin',
      'kd_daerah',
      'nomor_izin',
      'tgl_terbit_izin',
      'tgl_berlaku_izin',
      'nama_ttd',
      'nip_ttd',
      'jabatan_ttd',
      'status_izin',
      'file_izin',
      'keterangan',
      'file_lampiran',
      'nomenklatur_nomor_izin',
      'bln_berlaku_izin',
      'thn_berlaku_izin',
      'jenis_perizinan',
      'data_teknis',
    ]);
  });

  it('builds the issued permit with its number, date and file link', () => {
    const body = buildLicenseBody({
      permit: { ...permit, kdDaerah: '3201000000' },
      number: 'DPMPTSP/2026/000123',
      issuedAt: new Date('2026-12-03T17:30:00Z'),
      timeZone: 'Asia/Jakarta',
      fileUrl: 'https://mpp.example.go.id/v1/outputs/DPMPTSP%2F2026%2F000123/pdf',
      nomenclature: 'Izin Usaha Toko Swalayan',
    });
    expect(body.IZINFINAL).toMatchObject({
      nib: permit.nib,
      id_izin: permit.idIzin,
      kd_daerah: '3201000000',
      nomor_izin: 'DPMPTSP/2026/000123',
      // Past midnight in Jakarta: the next day there.
      tgl_terbit_izin: '2026-12-04',
      status_izin: '50',
      file_izin: 'https://mpp.example.go.id/v1/outputs/DPMPTSP%2F2026%2F000123/pdf',
      nomenklatur_nomor_izin: 'Izin Usaha Toko Swalayan',
    });
    expect(checkLicenseBody(body)).toEqual([]);
  });

  it('refuses a number, a date or a Lampiran code out of the list', () => {
    const body = buildLicenseBody({
      permit,
      number: 'X',
      issuedAt: at,
      timeZone: 'Asia/Jakarta',
    }).IZINFINAL;
    expect(
      checkLicenseBody({
        IZINFINAL: {
          ...body,
          tgl_berlaku_izin: '03-12-2027',
          bln_berlaku_izin: '6',
          jenis_perizinan: '03',
          data_teknis: { jumlah_lantai_disetujui: '123' },
        },
      }),
    ).toEqual([
      { field: 'IZINFINAL.tgl_berlaku_izin', problem: 'bad_format' },
      { field: 'IZINFINAL.bln_berlaku_izin', problem: 'must_be_number' },
      { field: 'IZINFINAL.jenis_perizinan', problem: 'not_a_code' },
      { field: 'IZINFINAL.data_teknis.jumlah_lantai_disetujui', problem: 'too_long' },
    ]);
  });
});

describe("OSS's reply", () => {
  it('is an acknowledgement only with kode 200 in the method wrapper', () => {
    // The PIA's Success-Response and Error-Response of receiveLicenseStatus.
    const success =
      '{"responreceiveLicenseStatus":{"kode":200,"keterangan":"Sukses","dataNIB":{}}}';
    const error =
      '{"responreceiveLicenseStatus":{"kode":400,"keterangan":"Data izin tidak ditemukan","dataNIB":{}}}';
    expect(ossAcknowledged('receiveLicenseStatus', success)).toBe(true);
    expect(ossAcknowledged('receiveLicenseStatus', error)).toBe(false);
    expect(ossAcknowledged('receiveLicense', success)).toBe(false);
    expect(ossAcknowledged('receiveLicense', '{"responreceiveLicense":{"kode":"200"}}')).toBe(true);
    expect(ossAcknowledged('receiveLicense', '<html>502 Bad Gateway</html>')).toBe(false);
    expect(describeOssReply('receiveLicenseStatus', error)).toBe('400 Data izin tidak ditemukan');
    expect(describeOssReply('receiveLicense', 'upstream timeout')).toBe('upstream timeout');
  });
});
