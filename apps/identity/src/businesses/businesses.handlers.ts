import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  AddBusinessMember,
  AddBusinessMemberV1,
  ListMyBusinesses,
  ListMyBusinessesV1,
  RegisterBusiness,
  RegisterBusinessV1,
  UpdateBusiness,
  UpdateBusinessV1,
  UpsertBusinessFromOss,
  UpsertBusinessFromOssV1,
  OSS_CONNECTOR_CLIENT_ID,
  type BusinessV1,
  type OssBusinessUpsertedV1,
  type MyBusinessesV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, IdempotencyKeys } from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';
import { applicantId, refuse } from '../access/callers';
import { ApplicantsRepository } from '../applicants/applicants.repository';
import {
  addRepresentative,
  changeBusiness,
  memberView,
  newBusiness,
  requireOwner,
} from './business';
import { BusinessesRepository } from './businesses.repository';

const BUSINESSES = 'businesses';

/** Businesses are registered and run by the applicants who own them. */
@Controller()
export class BusinessesHandlers {
  constructor(
    private readonly businesses: BusinessesRepository,
    private readonly applicants: ApplicantsRepository,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  @HandleRequest(RegisterBusiness)
  async register(
    @Payload() input: RegisterBusinessV1,
    @Caller() caller: RequestContext,
  ): Promise<BusinessV1> {
    const owner = applicantId(caller.principal, BUSINESSES);
    return this.idempotency.runInTransaction(
      caller,
      RegisterBusiness.subject,
      input,
      async (tx) => {
        const business = newBusiness(input, randomUUID(), owner);
        await this.businesses.add(business, tx);
        return memberView(business, owner);
      },
    );
  }

  @HandleRequest(ListMyBusinesses)
  async list(
    @Payload() _input: ListMyBusinessesV1,
    @Caller() caller: RequestContext,
  ): Promise<MyBusinessesV1> {
    const member = applicantId(caller.principal, BUSINESSES);
    const items = await this.businesses.ofMember(member);
    return { items: items.map((business) => memberView(business, member)) };
  }

  @HandleRequest(UpdateBusiness)
  async update(
    @Payload() patch: UpdateBusinessV1,
    @Caller() caller: RequestContext,
  ): Promise<BusinessV1> {
    const owner = applicantId(caller.principal, BUSINESSES);
    const next = await this.businesses.change(patch.businessId, (current) =>
      changeBusiness(requireOwner(current, owner, patch.businessId), patch),
    );
    return memberView(next, owner);
  }

  /**
   * The OSS connector's business from a receiveNIB, by NIB (ADR 0035). Only it may: OSS has
   * vouched for the NIB and its owner, which no applicant's word does.
   */
  @HandleRequest(UpsertBusinessFromOss)
  async upsertFromOss(
    @Payload() input: UpsertBusinessFromOssV1,
    @Caller() caller: RequestContext,
  ): Promise<OssBusinessUpsertedV1> {
    const { principal } = caller;
    if (principal.kind !== 'client' || principal.clientId !== OSS_CONNECTOR_CLIENT_ID)
      throw refuse(principal, BUSINESSES);
    return this.businesses.upsertFromOss(input, (tx, nik) => this.applicants.idByNik(nik, tx));
  }

  @HandleRequest(AddBusinessMember)
  async addMember(
    @Payload() input: AddBusinessMemberV1,
    @Caller() caller: RequestContext,
  ): Promise<BusinessV1> {
    const owner = applicantId(caller.principal, BUSINESSES);
    // Under a key, a retry answers the first answer instead of "acts for it already".
    return this.idempotency.runInTransaction(
      caller,
      AddBusinessMember.subject,
      input,
      async (tx) => {
        const next = await this.businesses.change(
          input.businessId,
          async (current) => {
            const business = requireOwner(current, owner, input.businessId);
            const member = await this.applicants.idByNik(input.nik, tx);
            if (!member)
              throw DomainError.validation([{ field: 'nik', code: 'member_not_registered' }], 422);
            return { next: addRepresentative(business, member), changed: true };
          },
          tx,
        );
        return memberView(next, owner);
      },
    );
  }
}
