import { DEMO_AGENCIES } from '@satupintu/demo';
import { DEMO_ACCOUNTS } from '../../apps/identity/src/demo/demo-accounts';
import { demoLogins } from './demo-logins';

describe('the demo logins npm start prints', () => {
  const logins = demoLogins('http://127.0.0.1:3000');

  it('gives a ready login request for the mall admin, an officer and each citizen', () => {
    expect(logins.map((l) => l.curl)).toEqual(
      expect.arrayContaining([
        `curl -s -X POST http://127.0.0.1:3000/v1/auth/login -H 'content-type: application/json' -d ` +
          `'{"identifier":"admin.mall","password":"Demo-SatuPintu-2026"}'`,
        `curl -s -X POST http://127.0.0.1:3000/v1/auth/login -H 'content-type: application/json' -d ` +
          `'{"identifier":"dukcapil.verifier","password":"Demo-SatuPintu-2026"}'`,
        `curl -s -X POST http://127.0.0.1:3000/v1/auth/login -H 'content-type: application/json' -d ` +
          `'{"identifier":"siti@demo.satupintu.id","password":"kopi-pagi-di-cibinong"}'`,
      ]),
    );
  });

  it('gives a client-credentials request for the portal and the kiosk', () => {
    const clients = logins.filter((l) => l.curl.includes('grant_type=client_credentials'));
    expect(clients.map((l) => l.curl)).toEqual([
      'curl -s -u demo-portal:sps_demo-portal-secret-not-for-production -d grant_type=client_credentials http://127.0.0.1:3000/v1/oauth/token',
      'curl -s -u demo-kiosk:sps_demo-kiosk-secret-not-for-production -d grant_type=client_credentials http://127.0.0.1:3000/v1/oauth/token',
    ]);
  });

  it('names every demo officer', () => {
    const officers = logins.find((l) => l.who.startsWith('officers'))?.who ?? '';
    for (const name of ['dpmptsp.front-desk', 'dukcapil.agency-admin', 'pupr.approver'])
      expect(officers).toContain(name);
  });

  it("has the same agencies as intake's demo catalog", () => {
    expect(DEMO_ACCOUNTS.agencies).toEqual(DEMO_AGENCIES);
  });
});
