import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { DEFAULT_APPLICANT_LANGUAGE } from '@satupintu/contracts';
import { UnitOfWork } from '@satupintu/messaging';
import { sql } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { newAgency } from '../agencies/agency';
import { ApplicantsRepository } from '../applicants/applicants.repository';
import { newBusiness } from '../businesses/business';
import { BusinessesRepository } from '../businesses/businesses.repository';
import { ApiClientsRepository } from '../clients/api-clients.repository';
import { hashPassword } from '../credentials/passwords';
import { OfficersRepository } from '../officers/officers.repository';
import { DEMO_ACCOUNTS, demoOfficerUsername } from './demo-accounts';

export const DEMO_SEED = Symbol('DEMO_SEED');

/**
 * With DEMO_SEED=true, an empty identity database gets the demo mall's accounts, all in one
 * transaction (under a lock, so two instances starting together load them once), with the
 * events that tell intake and the agencies about the agencies, citizens and business.
 */
@Injectable()
export class DemoSeed implements OnApplicationBootstrap {
  constructor(
    @Inject(DEMO_SEED) private readonly enabled: boolean,
    private readonly unitOfWork: UnitOfWork,
    private readonly agencies: AgenciesRepository,
    private readonly officers: OfficersRepository,
    private readonly applicants: ApplicantsRepository,
    private readonly businesses: BusinessesRepository,
    private readonly clients: ApiClientsRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const demo = DEMO_ACCOUNTS;
    // Hashed before the transaction: argon2id is slow on purpose.
    const [officerHash, ...hashes] = await Promise.all([
      hashPassword(demo.officerPassword),
      ...demo.citizens.map((citizen) => hashPassword(citizen.password)),
      ...demo.clients.map((client) => hashPassword(client.secret)),
    ]);
    const citizenHashes = hashes.slice(0, demo.citizens.length);
    const clientHashes = hashes.slice(demo.citizens.length);
    const loaded = await this.unitOfWork.run(async (tx) => {
      await tx.query(sql`SELECT pg_advisory_xact_lock(hashtext('identity.demo-seed'))`);
      const [state] = await tx.query<{ empty: boolean }>(sql`
        SELECT NOT EXISTS (SELECT 1 FROM agencies) AND NOT EXISTS (SELECT 1 FROM officers)
           AND NOT EXISTS (SELECT 1 FROM applicants) AS empty`);
      if (!state?.empty) return false;
      for (const agency of demo.agencies) await this.agencies.add(newAgency(agency), tx);
      for (const officer of demo.mallOfficers) {
        await this.officers.add(
          {
            officerId: randomUUID(),
            ...officer,
            roles: [...officer.roles],
            active: true,
            version: 1,
          },
          officerHash,
          tx,
        );
      }
      for (const agency of demo.agencies) {
        for (const role of demo.agencyRoles) {
          const username = demoOfficerUsername(agency.code, role);
          await this.officers.add(
            {
              officerId: randomUUID(),
              username,
              name: `${role.replace(/_/g, ' ').toLowerCase()} ${agency.code} (demo)`,
              agencyCode: agency.code,
              roles: [role],
              active: true,
              version: 1,
            },
            officerHash,
            tx,
          );
        }
      }
      const citizenIds: string[] = [];
      for (const [i, citizen] of demo.citizens.entries()) {
        const id = randomUUID();
        citizenIds.push(id);
        const { password: _password, address, ...details } = citizen;
        await this.applicants.add(
          {
            id,
            ...details,
            address: { ...address },
            preferredLanguage: DEFAULT_APPLICANT_LANGUAGE,
            version: 1,
          },
          citizenHashes[i] ?? '',
          [],
          tx,
        );
        await tx.execute(sql`
          UPDATE applicants SET phone_verified_at = now(), email_verified_at = now()
           WHERE id = ${id}`);
      }
      const { business } = demo;
      await this.businesses.add(
        newBusiness(
          { ...business, kbli: [...business.kbli], address: { ...business.address } },
          randomUUID(),
          citizenIds[0] ?? '',
        ),
        tx,
      );
      for (const [i, client] of demo.clients.entries()) {
        const { secret: _secret, ...details } = client;
        await this.clients.add(
          { ...details, scopes: [...details.scopes] },
          clientHashes[i] ?? '',
          tx,
        );
      }
      return true;
    });
    if (loaded)
      this.logger.info(
        {
          agencies: demo.agencies.length,
          citizens: demo.citizens.length,
          clients: demo.clients.length,
        },
        'demo accounts loaded',
      );
  }
}
