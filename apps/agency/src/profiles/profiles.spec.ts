import type { ApplicantProfileChangedV1, BusinessProfileChangedV1 } from '@satupintu/contracts';
import { keepProfilesOf, type ProfileCopies, type ProfileSource } from './profiles';

const applicant = { applicantId: 'a1', version: 3 } as ApplicantProfileChangedV1;
const business = { businessId: 'b1', version: 2 } as BusinessProfileChangedV1;

function setup(known: string[] = [], inStream = true) {
  const kept = new Set(known);
  const updated: string[] = [];
  const asked: string[] = [];
  const copies: ProfileCopies = {
    needApplicant: (id) => Promise.resolve(!kept.has(id) && kept.add(id) !== undefined),
    needBusiness: (id) => Promise.resolve(!kept.has(id) && kept.add(id) !== undefined),
    updateApplicant: (p) => Promise.resolve(updated.push(p.applicantId) > 0),
    updateBusiness: (p) => Promise.resolve(updated.push(p.businessId) > 0),
  };
  const source: ProfileSource = {
    applicant: (id) => (asked.push(id), Promise.resolve(inStream ? applicant : undefined)),
    business: (id) => (asked.push(id), Promise.resolve(inStream ? business : undefined)),
  };
  return { copies, source, updated, asked };
}

describe('keepProfilesOf', () => {
  it('takes the current profiles from the stream the first time a case names them', async () => {
    const { copies, source, updated, asked } = setup();
    await keepProfilesOf({ applicantId: 'a1', businessId: 'b1' }, copies, source);
    expect(asked).toEqual(['a1', 'b1']);
    expect(updated).toEqual(['a1', 'b1']);
  });

  it('does not read the stream again for one it already keeps', async () => {
    const { copies, source, asked } = setup(['a1']);
    await keepProfilesOf({ applicantId: 'a1' }, copies, source);
    expect(asked).toEqual([]);
  });

  it('keeps a place for a profile the stream does not have yet', async () => {
    const { copies, source, updated, asked } = setup([], false);
    await keepProfilesOf({ applicantId: 'a1' }, copies, source);
    expect(asked).toEqual(['a1']);
    expect(updated).toEqual([]);
  });

  it('does nothing for an application without an applicant id', async () => {
    const { copies, source, asked } = setup();
    await keepProfilesOf({}, copies, source);
    expect(asked).toEqual([]);
  });
});
