import { ServiceProcess } from '@satupintu/testing';

/** A deployment that is configured wrong stops at once and says which variable is wrong. */
describe('an agency deployment started with bad configuration', () => {
  it('stops, naming AGENCY_CODE, when it is missing', async () => {
    await expect(ServiceProcess.start('agency', { AGENCY_CODE: '' })).rejects.toThrow(
      /exited with code 1 before it was ready[\s\S]*AGENCY_CODE/,
    );
  });

  it('stops, naming SP_NAMESPACE, when it is malformed', async () => {
    await expect(
      ServiceProcess.start('agency', { AGENCY_CODE: 'DUKCAPIL', SP_NAMESPACE: 'Not_Valid' }),
    ).rejects.toThrow(/exited with code 1 before it was ready[\s\S]*SP_NAMESPACE/);
  });
});
