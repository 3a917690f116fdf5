import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  type CaseFileV1,
  GetCaseFile,
  GetCaseFileV1,
  GetApplication,
  GetApplicationV1,
  ListApplications,
  WithdrawApplication,
  WithdrawApplicationV1,
  ResubmitApplication,
  ResubmitApplicationV1,
  type ApplicationV1,
  ListApplicationsV1,
  SubmitApplication,
  type ApplicationReceiptV1,
  type ApplicationsPageV1,
  SubmitApplicationV2,
  GetServedTicket,
} from '@satupintu/contracts';
import { generateTrackingNumber, type RegionIndex } from '@satupintu/domain';
import { Caller, HandleRequest, IdempotencyKeys, RpcClient } from '@satupintu/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { CatalogRepository } from '../catalog/catalog.repository';
import { ApplicationsRepository } from './applications.repository';
import { REGIONS } from './regions.provider';
import { getCaseFile } from './case-file';
import { getApplication, withdrawApplication } from './follow-application';
import { listApplications } from './list-applications';
import { resubmitApplication } from './resubmit-application';
import { submitApplication } from './submit-application';

@Controller()
export class ApplicationsHandlers {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly applications: ApplicationsRepository,
    private readonly idempotency: IdempotencyKeys,
    @Inject(REGIONS) private readonly regions: RegionIndex,
    private readonly rpc: RpcClient,
  ) {}

  @HandleRequest(SubmitApplication)
  submit(
    @Payload() input: SubmitApplicationV2,
    @Caller() caller: RequestContext,
  ): Promise<ApplicationReceiptV1> {
    return this.idempotency.run(caller, SubmitApplication.subject, input, (claim) =>
      submitApplication(caller.principal, input, {
        regions: this.regions,
        findService: (code) => this.catalog.findActiveService(code),
        findApplicantByNik: (nik) => this.applications.findApplicantByNik(nik),
        actsFor: (applicantId, businessId) => this.applications.actsFor(applicantId, businessId),
        findDocuments: (ids) => this.applications.findDocuments(ids),
        add: (application, event, receipt) =>
          this.applications.addSubmitted(application, event, receipt, claim),
        findByExternalReference: (clientId, reference) =>
          this.applications.findByExternalReference(clientId, reference),
        // As the officer, in the request's context: the queue checks the ticket is at their counter.
        servedTicket: (ticketCode) => this.rpc.request(GetServedTicket, { ticketCode }),
        newId: randomUUID,
        newTrackingNo: () => generateTrackingNumber(randomBytes),
        now: () => new Date(),
      }),
    );
  }

  @HandleRequest(ListApplications)
  list(
    @Payload() request: ListApplicationsV1,
    @Caller() caller: RequestContext,
  ): Promise<ApplicationsPageV1> {
    return listApplications(caller.principal, request, {
      list: (owner, before, limit) => this.applications.list(owner, before, limit),
    });
  }

  @HandleRequest(GetApplication)
  get(
    @Payload() request: GetApplicationV1,
    @Caller() caller: RequestContext,
  ): Promise<ApplicationV1> {
    return getApplication(caller.principal, request.trackingNo, {
      find: (trackingNo) => this.applications.find(trackingNo),
      standardOf: (code) => this.catalog.findActiveService(code),
      held: (applicationId) => this.applications.held(applicationId),
    });
  }

  @HandleRequest(GetCaseFile)
  caseFile(
    @Payload() request: GetCaseFileV1,
    @Caller() caller: RequestContext,
  ): Promise<CaseFileV1> {
    return getCaseFile(caller.principal, request, {
      find: (trackingNo) => this.applications.findFiled(trackingNo),
      held: (applicationId) => this.applications.held(applicationId),
    });
  }

  @HandleRequest(WithdrawApplication)
  withdraw(
    @Payload() request: WithdrawApplicationV1,
    @Caller() caller: RequestContext,
  ): Promise<ApplicationV1> {
    return withdrawApplication(caller.principal, request.trackingNo, {
      find: (trackingNo) => this.applications.find(trackingNo),
      withdraw: (application, from, event) => this.applications.withdraw(application, from, event),
      now: () => new Date(),
    });
  }

  @HandleRequest(ResubmitApplication)
  resubmit(
    @Payload() input: ResubmitApplicationV1,
    @Caller() caller: RequestContext,
  ): Promise<ApplicationV1> {
    return this.idempotency.run(caller, ResubmitApplication.subject, input, (claim) =>
      resubmitApplication(caller.principal, input, {
        regions: this.regions,
        find: (trackingNo) => this.applications.findRevisable(trackingNo),
        findService: (code) => this.catalog.findActiveService(code),
        findDocuments: (ids) => this.applications.findDocuments(ids),
        resubmit: (resubmission, answer) => this.applications.resubmit(resubmission, answer, claim),
        now: () => new Date(),
      }),
    );
  }
}
