import { chainOf } from './transition-case.spec-helpers';
import { UNKNOWN_HOLDER, caseOutputCommand } from './case-output';
import type { LockedCase } from './transition-case';

const locked: LockedCase = {
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  status: 'APPROVED',
  timeZone: 'Asia/Jakarta',
};
const [issued] = chainOf(locked.applicationId, [['APPROVED', 'ISSUED', 'ISSUE']]);
const names = { id: 'Kartu Keluarga', en: 'Family card' };

describe('caseOutputCommand', () => {
  it('issues to the applicant, with the standard’s name and the case’s facts', () => {
    const command = caseOutputCommand(locked, issued, {
      parties: { applicant: { name: 'Siti Rahayu', nik: '3201010101900001' } },
      serviceName: names,
      issuedBy: 'officer-1',
    });
    expect(command).toEqual({
      applicationId: locked.applicationId,
      service: { code: 'DUKCAPIL-KK', name: names },
      holder: { name: 'Siti Rahayu', nik: '3201010101900001' },
      facts: [
        { label: { id: 'Nomor pelacakan', en: 'Tracking number' }, value: 'K7M39QX2C' },
        { label: { id: 'Kode layanan', en: 'Service code' }, value: 'DUKCAPIL-KK' },
      ],
      issuedBy: 'officer-1',
      issuedAt: new Date(issued.at),
    });
  });

  it('issues a business case to the business, and names the service by its code without a standard', () => {
    const command = caseOutputCommand(locked, issued, {
      parties: {
        applicant: { name: 'Siti Rahayu', nik: '3201010101900001' },
        business: { name: 'CV Maju Jaya' },
      },
      issuedBy: 'officer-1',
    });
    expect(command.holder).toEqual({ name: 'CV Maju Jaya' });
    expect(command.service.name).toEqual({ id: 'DUKCAPIL-KK', en: 'DUKCAPIL-KK' });
  });

  it('prints no holder it does not know: no profile, or one not synced yet', () => {
    for (const parties of [
      {},
      { applicant: { name: null, nik: null } },
      { business: { name: null } },
    ])
      expect(caseOutputCommand(locked, issued, { parties, issuedBy: 'x' }).holder).toEqual({
        name: UNKNOWN_HOLDER,
      });
  });
});
