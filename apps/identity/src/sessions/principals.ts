import type { Principal } from '@satupintu/contracts';
import type { ApiClient, Person } from './credentials.repository';

/** Who an access token speaks for, from the account as it is now. Pure. */
export function principalOfPerson(person: Person): Principal {
  return person.kind === 'applicant'
    ? { kind: 'applicant', subject: person.id, roles: [], scopes: [] }
    : {
        kind: 'officer',
        subject: person.id,
        roles: person.roles,
        ...(person.agency ? { agency: person.agency } : {}),
        scopes: [],
      };
}

/** RFC 9068 §2.2: a client's own token has the client as its subject. */
export function principalOfClient(client: ApiClient, scopes: string[]): Principal {
  return {
    kind: 'client',
    subject: client.clientId,
    clientId: client.clientId,
    roles: [],
    scopes,
    ...(client.agency ? { agency: client.agency } : {}),
  };
}
