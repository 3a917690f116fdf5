import { DEMO_ACCOUNTS, demoOfficerUsername } from '../../apps/identity/src/demo/demo-accounts';

/** One demo account and the request that gets a token for it. */
export interface DemoLogin {
  who: string;
  curl: string;
}

const login = (gatewayUrl: string, identifier: string, password: string) =>
  `curl -s -X POST ${gatewayUrl}/v1/auth/login -H 'content-type: application/json' -d ` +
  `'${JSON.stringify({ identifier, password })}'`;

const clientToken = (gatewayUrl: string, clientId: string, secret: string) =>
  `curl -s -u ${clientId}:${secret} -d grant_type=client_credentials ${gatewayUrl}/v1/oauth/token`;

/**
 * How to sign in as each kind of demo account (identity's DEMO_ACCOUNTS, loaded with
 * DEMO_SEED=true): people by login, clients by the client-credentials grant.
 */
export function demoLogins(gatewayUrl: string): DemoLogin[] {
  const { mallOfficers, agencies, agencyRoles, officerPassword, citizens, clients } = DEMO_ACCOUNTS;
  const officerNames = agencies
    .map((agency) => agencyRoles.map((role) => demoOfficerUsername(agency.code, role)).join(', '))
    .join('; ');
  return [
    ...mallOfficers.map((officer) => ({
      who: `${officer.roles.join(', ')} ${officer.username}`,
      curl: login(gatewayUrl, officer.username, officerPassword),
    })),
    {
      who: `officers (same password): ${officerNames}`,
      curl: login(gatewayUrl, demoOfficerUsername('DUKCAPIL', 'VERIFIER'), officerPassword),
    },
    ...citizens.map((citizen) => ({
      who: `citizen ${citizen.name} (${citizen.email})`,
      curl: login(gatewayUrl, citizen.email, citizen.password),
    })),
    ...clients.map((client) => ({
      who: `${client.kind.toLowerCase()} client ${client.clientId} (${client.scopes.join(' ')})`,
      curl: clientToken(gatewayUrl, client.clientId, client.secret),
    })),
  ];
}
