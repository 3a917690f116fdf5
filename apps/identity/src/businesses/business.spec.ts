import {
  addRepresentative,
  businessFromOss,
  businessProfileEvent,
  changeBusiness,
  changeBusinessFromOss,
  memberView,
  newBusiness,
  requireOwner,
} from './business';

const OWNER = 'a-owner';
const warung = newBusiness(
  {
    nib: '1234567890123',
    name: ' Warung Sejahtera ',
    kbli: ['56101', '47111', '56101'],
    address: { line: 'Jl. Raya Bogor 5 ', districtCode: '32.01.01' },
    npwp: '012345678901234',
  },
  'b-1',
  OWNER,
);

describe('a business', () => {
  it('is registered with its registering applicant as its owner', () => {
    expect(warung).toEqual({
      id: 'b-1',
      nib: '1234567890123',
      name: 'Warung Sejahtera',
      kbli: ['56101', '47111'],
      address: { line: 'Jl. Raya Bogor 5', districtCode: '32.01.01' },
      npwp: '012345678901234',
      members: [{ applicantId: OWNER, role: 'OWNER' }],
      version: 1,
    });
  });

  it('is changed by its owner only: a representative is refused, anyone else told it is not there', () => {
    const withRep = addRepresentative(warung, 'a-rep');
    expect(requireOwner(withRep, OWNER, 'b-1')).toBe(withRep);
    expect(() => requireOwner(withRep, 'a-rep', 'b-1')).toThrow('forbidden');
    expect(() => requireOwner(withRep, 'a-stranger', 'b-1')).toThrow('business_not_found');
    expect(() => requireOwner(undefined, OWNER, 'b-1')).toThrow('business_not_found');
  });

  it('gets a new version when its KBLI changes, and none when nothing does', () => {
    const { next, changed } = changeBusiness(warung, {
      businessId: 'b-1',
      kbli: ['56101', '10710'],
    });
    expect([changed, next.kbli, next.version]).toEqual([true, ['56101', '10710'], 2]);
    const same = changeBusiness(warung, {
      businessId: 'b-1',
      name: 'Warung Sejahtera',
      kbli: ['56101', '47111'],
    });
    expect([same.changed, same.next.version]).toEqual([false, 1]);
    expect(() => changeBusiness(warung, { businessId: 'b-1' })).toThrow('validation_failed');
  });

  it('takes a representative once, as a new version', () => {
    const next = addRepresentative(warung, 'a-rep');
    expect(next.members).toEqual([
      { applicantId: OWNER, role: 'OWNER' },
      { applicantId: 'a-rep', role: 'REPRESENTATIVE' },
    ]);
    expect(next.version).toBe(2);
    expect(() => addRepresentative(next, 'a-rep')).toThrow('unprocessable');
  });

  it('is published with its members, so intake knows who acts for it', () => {
    const event = businessProfileEvent(addRepresentative(warung, 'a-rep'), new Date(0));
    expect(event).toMatchObject({
      businessId: 'b-1',
      version: 2,
      kbli: ['56101', '47111'],
      members: [
        { applicantId: OWNER, role: 'OWNER' },
        { applicantId: 'a-rep', role: 'REPRESENTATIVE' },
      ],
      changedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('shows each member their own role', () => {
    const next = addRepresentative(warung, 'a-rep');
    expect(memberView(next, OWNER).role).toBe('OWNER');
    expect(memberView(next, 'a-rep').role).toBe('REPRESENTATIVE');
  });
});

describe('a business OSS describes', () => {
  const fromOss = {
    nib: '8120000110171',
    name: 'PT Maju Bersama',
    kbli: ['73100'],
    address: { line: 'Jl. Raya Tegar Beriman No. 1', districtCode: '32.01.01' },
    owner: { nik: '3201015506900003', name: 'Siti Rahmawati' },
  };
  const created = businessFromOss(fromOss, 'b-oss');

  it('is created with nobody acting for it yet', () => {
    expect(created).toEqual({
      id: 'b-oss',
      nib: '8120000110171',
      name: 'PT Maju Bersama',
      kbli: ['73100'],
      address: { line: 'Jl. Raya Tegar Beriman No. 1', districtCode: '32.01.01' },
      members: [],
      version: 1,
    });
  });

  it('changes nothing, and makes no version, when OSS sends it again as it is', () => {
    expect(changeBusinessFromOss(created, fromOss, undefined)).toEqual({
      next: created,
      changed: false,
    });
  });

  it('finds an address stored with its keys in another order (jsonb) unchanged', () => {
    const stored = {
      ...created,
      address: {
        postalCode: '16911',
        line: 'Jl. Raya Tegar Beriman No. 1',
        districtCode: '32.01.01',
      },
    };
    const again = { ...fromOss, address: { ...fromOss.address, postalCode: '16911' } };
    expect(changeBusinessFromOss(stored, again, undefined).changed).toBe(false);
  });

  it('changes what OSS changed, in one new version', () => {
    const { next, changed } = changeBusinessFromOss(
      created,
      { ...fromOss, name: 'PT Maju Bersama Nusantara', kbli: ['56101'] },
      undefined,
    );
    expect([changed, next.name, next.kbli, next.version]).toEqual([
      true,
      'PT Maju Bersama Nusantara',
      ['56101'],
      2,
    ]);
  });

  it('takes its owner with an account as OWNER (a representative too), once', () => {
    const withRep = addRepresentative(created, 'a-rep');
    const { next, changed } = changeBusinessFromOss(withRep, fromOss, 'a-rep');
    expect([changed, next.members, next.version]).toEqual([
      true,
      [{ applicantId: 'a-rep', role: 'OWNER' }],
      3,
    ]);
    expect(changeBusinessFromOss(next, fromOss, 'a-rep').changed).toBe(false);
  });
});
