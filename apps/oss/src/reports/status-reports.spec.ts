import type { ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { checkLicenseBody, checkLicenseStatusBody } from '@satupintu/domain';
import { reportsOf } from './status-reports';

const permit = {
  nib: '8120207730001',
  idIzin: 'I-202111181604410530001',
  kdIzin: '033000000001',
  idProyek: 'R-202112141140213930001',
  namaIzin: 'Izin Usaha Toko Swalayan',
};
const settings = {
  kdInstansi: '001',
  kdDaerah: '3201000000',
  publicBaseUrl: 'https://mpp.example.go.id/',
};
const change = (over: Partial<ApplicationStatusChangedV1>): ApplicationStatusChangedV1 => ({
  applicationId: '0b7e1f7a-51b3-4b8e-9a53-1d2f0c6c7e11',
  trackingNo: 'K7M39QX2C',
  agencyCode: 'DPMPTSP',
  agencyTimeZone: 'Asia/Jakarta',
  from: 'VERIFYING',
  to: 'NEEDS_REVISION',
  changedAt: '2026-12-03T03:04:05.000Z',
  ...over,
});

describe('the OSS reports of a case move', () => {
  it('is one receiveLicenseStatus per kd_status, in order, each its own id, on the application key', () => {
    const reports = reportsOf(change({ reason: 'KTP buram' }), 'e-1', permit, settings);
    expect(reports.map((r) => [r.id, r.type, r.scope, r.orderingKey])).toEqual([
      ['e-1/11', 'oss.receiveLicenseStatus', 'oss', '0b7e1f7a-51b3-4b8e-9a53-1d2f0c6c7e11'],
      ['e-1/41', 'oss.receiveLicenseStatus', 'oss', '0b7e1f7a-51b3-4b8e-9a53-1d2f0c6c7e11'],
    ]);
    for (const report of reports) expect(checkLicenseStatusBody(report.data)).toEqual([]);
    expect(reports[1].data).toMatchObject({
      IZINSTATUS: { kd_status: '41', keterangan: 'KTP buram', tgl_status: '2026-12-03 10:04:05' },
    });
  });

  it('sends the permit with receiveLicense when the output is issued, its file by its number', () => {
    const reports = reportsOf(
      change({ from: 'APPROVED', to: 'ISSUED', output: { number: 'DPMPTSP-2026-000123' } }),
      'e-9',
      permit,
      settings,
    );
    expect(reports.map((r) => r.id)).toEqual(['e-9/license']);
    expect(checkLicenseBody(reports[0].data)).toEqual([]);
    expect(reports[0].data).toMatchObject({
      IZINFINAL: {
        nomor_izin: 'DPMPTSP-2026-000123',
        kd_daerah: '3201000000',
        status_izin: '50',
        file_izin: 'https://mpp.example.go.id/v1/verify/DPMPTSP-2026-000123',
        nomenklatur_nomor_izin: 'Izin Usaha Toko Swalayan',
      },
    });
  });

  it('sends nothing for a withdrawal', () => {
    expect(
      reportsOf(change({ from: 'IN_REVIEW', to: 'WITHDRAWN' }), 'e', permit, settings),
    ).toEqual([]);
  });
});
