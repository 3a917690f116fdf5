import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  ConfirmVerification,
  ConfirmVerificationV1,
  GetMyProfile,
  GetMyProfileV1,
  RegisterApplicant,
  RegisterApplicantV1,
  SendVerificationCode,
  SendVerificationCodeV1,
  UpdateMyProfile,
  UpdateMyProfileV1,
  type ApplicantProfileV1,
  type ApplicantRegisteredV1,
  type VerificationCodeSentV1,
  type VerificationConfirmedV1,
} from '@satupintu/contracts';
import type { RegionIndex } from '@satupintu/domain';
import {
  Caller,
  HandleRequest,
  IdempotencyKeys,
  type IdempotencyClaim,
} from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';
import { applicantId } from '../access/callers';
import { hashPassword } from '../credentials/passwords';
import { BusinessesRepository } from '../businesses/businesses.repository';
import { IdempotencySecrets } from '../idempotency/idempotency-secrets';
import { VerificationCodes } from '../notifications/verification-codes';
import { type ApplicantRecord, ownProfile, resendTarget } from './applicant';
import { ApplicantsRepository } from './applicants.repository';
import { changeProfile } from './change-profile';
import { REGIONS } from './regions.provider';
import { registerApplicant } from './register-applicant';

const PROFILE = 'applicant profile';

@Controller()
export class ApplicantsHandlers {
  constructor(
    private readonly applicants: ApplicantsRepository,
    private readonly codes: VerificationCodes,
    @Inject(REGIONS) private readonly regions: RegionIndex,
    private readonly idempotency: IdempotencyKeys,
    private readonly secrets: IdempotencySecrets,
  ) {}

  /**
   * Public: anyone may open an account. Under an `Idempotency-Key` the anonymous caller's keys
   * are scoped by a keyed hash of the NIK, and the fingerprint holds the password only as a
   * keyed hash: only the very same body, password included, receives the first answer again;
   * a replay issues and sends no code.
   */
  @HandleRequest(RegisterApplicant)
  register(
    @Payload() input: RegisterApplicantV1,
    @Caller() caller: RequestContext,
  ): Promise<ApplicantRegisteredV1> {
    return this.idempotency.run(
      caller,
      RegisterApplicant.subject,
      this.secrets.fingerprinted(input, 'password'),
      (claim) =>
        registerApplicant(input, {
          regions: this.regions,
          newId: randomUUID,
          add: (applicant, password, registered) =>
            this.openAccount(claim, applicant, password, registered),
        }),
      { anonymousScope: this.secrets.anonymousScope(input.nik) },
    );
  }

  /**
   * The account, its codes and the answer (under the claim, if any) in one transaction; the
   * codes go out once it has committed. The hashes are made before: argon2 is slow, and no
   * connection should wait on it.
   */
  private async openAccount(
    claim: IdempotencyClaim | undefined,
    applicant: ApplicantRecord,
    password: string,
    registered: ApplicantRegisteredV1,
  ): Promise<void> {
    const [passwordHash, codes] = await Promise.all([
      hashPassword(password),
      this.codes.issue(applicant, registered.verificationsSent),
    ]);
    await this.idempotency.completeInTransaction(claim, async (tx) => {
      await this.applicants.add(applicant, passwordHash, codes.rows, tx);
      await BusinessesRepository.adoptPendingOwnership(tx, applicant.nik, applicant.id);
      tx.afterCommit(() => codes.send());
      return registered;
    });
  }

  @HandleRequest(GetMyProfile)
  async get(
    @Payload() _input: GetMyProfileV1,
    @Caller() caller: RequestContext,
  ): Promise<ApplicantProfileV1> {
    const applicant = await this.applicants.byId(applicantId(caller.principal, PROFILE));
    if (!applicant) throw new DomainError('unauthenticated', 401, [], { resource: PROFILE });
    return ownProfile(applicant);
  }

  @HandleRequest(UpdateMyProfile)
  async update(
    @Payload() patch: UpdateMyProfileV1,
    @Caller() caller: RequestContext,
  ): Promise<ApplicantProfileV1> {
    let send = () => undefined as void;
    const updated = await this.applicants.change(
      applicantId(caller.principal, PROFILE),
      async (current) => {
        const { next, changed, newContacts } = changeProfile(current, patch);
        const codes = await this.codes.issue(next, newContacts);
        send = () => codes.send();
        return { next, changed, codes: codes.rows };
      },
    );
    if (!updated) throw new DomainError('unauthenticated', 401, [], { resource: PROFILE });
    send();
    return ownProfile(updated);
  }

  @HandleRequest(ConfirmVerification)
  async confirm(
    @Payload() input: ConfirmVerificationV1,
    @Caller() caller: RequestContext,
  ): Promise<VerificationConfirmedV1> {
    const id = applicantId(caller.principal, 'verification');
    const verifiedAt = await this.applicants.confirmCode(id, input.channel, input.code);
    if (!verifiedAt) throw new DomainError('verification_failed', 422);
    return { channel: input.channel, verifiedAt: verifiedAt.toISOString() };
  }

  @HandleRequest(SendVerificationCode)
  async resend(
    @Payload() input: SendVerificationCodeV1,
    @Caller() caller: RequestContext,
  ): Promise<VerificationCodeSentV1> {
    const id = applicantId(caller.principal, 'verification');
    let send = () => undefined as void;
    const code = await this.applicants.addCode(id, input.channel, async (applicant, lastSentAt) => {
      const target = resendTarget(applicant, input.channel, lastSentAt, new Date());
      const issued = await this.codes.issue(
        input.channel === 'PHONE' ? { phone: target } : { email: target },
        [input.channel],
      );
      send = () => issued.send();
      const [row] = issued.rows;
      if (!row) throw new Error('no code was made');
      return row;
    });
    if (!code) throw new DomainError('unauthenticated', 401, [], { resource: 'verification' });
    send();
    return { channel: input.channel, expiresAt: code.expiresAt.toISOString() };
  }
}
