import type { OfficerV1 } from '@satupintu/contracts';
import type { OfficerManager } from './officer-access';
import { changeOfficer, listOfficers, newOfficer } from './officers';

const mall: OfficerManager = { all: true };
const dukcapil: OfficerManager = { all: false, agency: 'DUKCAPIL' };
const verifier: OfficerV1 = {
  officerId: 'o-1',
  username: 'budi.verifier',
  name: 'Budi',
  agencyCode: 'DUKCAPIL',
  roles: ['VERIFIER'],
  active: true,
  version: 1,
};

describe('officers', () => {
  it('are created with the roles given once each, if the password passes', () => {
    const officer = newOfficer(
      dukcapil,
      {
        username: 'ani.front',
        name: ' Ani ',
        agencyCode: 'DUKCAPIL',
        roles: ['FRONT_DESK', 'FRONT_DESK'],
        password: 'loket pelayanan nomor tiga',
      },
      'o-2',
    );
    expect(officer).toEqual({
      officerId: 'o-2',
      username: 'ani.front',
      name: 'Ani',
      agencyCode: 'DUKCAPIL',
      roles: ['FRONT_DESK'],
      active: true,
      version: 1,
    });
    expect(() =>
      newOfficer(
        dukcapil,
        {
          username: 'ani.front',
          name: 'Ani',
          agencyCode: 'DUKCAPIL',
          roles: ['FRONT_DESK'],
          password: 'ani.front-2026',
        },
        'o-3',
      ),
    ).toThrow('unprocessable');
  });

  it('are not there for an agency admin of another agency, whether they exist or not', () => {
    const pupr: OfficerManager = { all: false, agency: 'PUPR' };
    const patch = { officerId: 'o-1', active: false };
    for (const current of [verifier, undefined]) {
      expect(() => changeOfficer(pupr, current, patch)).toThrow('officer_not_found');
    }
  });

  it('change by their managers, as a new version; the same values make none', () => {
    const { next, changed } = changeOfficer(dukcapil, verifier, {
      officerId: 'o-1',
      roles: ['VERIFIER', 'APPROVER'],
    });
    expect([changed, next.roles, next.version]).toEqual([true, ['VERIFIER', 'APPROVER'], 2]);
    const same = changeOfficer(mall, verifier, {
      officerId: 'o-1',
      roles: ['VERIFIER'],
      active: true,
    });
    expect(same).toEqual({ next: verifier, changed: false });
    expect(() =>
      changeOfficer(dukcapil, verifier, { officerId: 'o-1', roles: ['MALL_ADMIN'] }),
    ).toThrow('forbidden');
  });

  it("list only the manager's agency for an agency admin, a page at a time", async () => {
    const asked: (string | undefined)[][] = [];
    const list = (agency: string | undefined, after: string | undefined, limit: number) => {
      asked.push([agency, after, String(limit)]);
      return Promise.resolve([verifier, { ...verifier, officerId: 'o-9', username: 'zz' }]);
    };
    const page = await listOfficers(dukcapil, { limit: 1, agencyCode: 'PUPR' }, { list });
    expect(asked).toEqual([['DUKCAPIL', undefined, '2']]);
    expect(page.items).toEqual([verifier]);
    expect(page.nextCursor).toBeDefined();
    await listOfficers(mall, { limit: 1, cursor: page.nextCursor }, { list });
    expect(asked[1]).toEqual([undefined, 'budi.verifier', '2']);
    await expect(listOfficers(mall, { limit: 1, cursor: 'bm9wZQ' }, { list })).rejects.toThrow(
      'invalid_cursor',
    );
  });
});
