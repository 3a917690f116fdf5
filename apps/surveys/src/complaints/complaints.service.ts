import { Inject, Injectable } from '@nestjs/common';
import { DomainError, asThisService, type RequestContext } from '@satupintu/common';
import {
  ResolveComplaintSubject,
  SubmitComplaint,
  type ActOnComplaintV1,
  type ComplaintReceiptV1,
  type ComplaintSubjectV1,
  type ComplaintV1,
  type SubmitComplaintV1,
} from '@satupintu/contracts';
import {
  ComplaintRefused,
  actOnComplaint,
  generateComplaintNumber,
  localDateOf,
  newComplaint,
  toZonedIso,
  workingDaysBetween,
} from '@satupintu/domain';
import {
  IdempotencyKeys,
  RpcClient,
  UnitOfWork,
  sealingField,
  type Transaction,
} from '@satupintu/messaging';
import { WorkingDayCalendarProvider } from '@satupintu/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { followSecretDigest, requireComplaintActor, requireReporterKind } from './complaint-access';
import {
  calendarStamp,
  complaintView,
  deadlinesOf,
  stateOf,
  type ComplaintRecord,
} from './complaint-record';
import { ComplaintsRepository } from './complaints.repository';
import { COMPLAINTS_SETTINGS, type ComplaintsSettings } from './complaints.settings';
import { ReporterNotices } from './reporter-notices';

const NUMBER_ATTEMPTS = 5;

/** Submitting a complaint and acting on it: the use cases behind the handlers (ADR 0034). */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly idempotency: IdempotencyKeys,
    private readonly rpc: RpcClient,
    private readonly calendar: WorkingDayCalendarProvider,
    private readonly notices: ReporterNotices,
    @Inject(COMPLAINTS_SETTINGS) private readonly settings: ComplaintsSettings,
  ) {}

  async submit(input: SubmitComplaintV1, caller: RequestContext): Promise<ComplaintReceiptV1> {
    requireReporterKind(caller.principal);
    const byTrackingNo = input.subjectKind !== 'SERVICE';
    if (
      byTrackingNo ? !input.trackingNo || input.serviceCode : !input.serviceCode || input.trackingNo
    )
      throw DomainError.validation(
        [{ field: byTrackingNo ? 'trackingNo' : 'serviceCode', code: 'required' }],
        422,
      );
    const subject = await this.resolve(input);
    const anonymous = caller.principal.kind === 'anonymous';
    return this.idempotency.runInTransaction(
      caller,
      SubmitComplaint.subject,
      input,
      (tx) => this.record(tx, input, subject, anonymous ? null : caller.principal.subject!),
      {
        sealing: sealingField<ComplaintReceiptV1>('followSecret', this.settings.answerKey),
        // Anonymous reporters share one scope: a key opens a kept receipt (with its follow
        // secret) only with the very same text, which only its reporter knows; another body
        // under the key is refused (422), as for anyone.
        anonymousScope: 'complaints',
      },
    );
  }

  /** Which agency owns the subject: intake knows, asked as this service itself. */
  private resolve(input: SubmitComplaintV1): Promise<ComplaintSubjectV1> {
    return asThisService(() =>
      this.rpc.request(ResolveComplaintSubject, {
        kind: input.subjectKind,
        ...(input.trackingNo ? { trackingNo: input.trackingNo } : {}),
        ...(input.serviceCode ? { serviceCode: input.serviceCode } : {}),
      }),
    );
  }

  private async record(
    tx: Transaction,
    input: SubmitComplaintV1,
    subject: ComplaintSubjectV1,
    reporterId: string | null,
  ): Promise<ComplaintReceiptV1> {
    let complaintNo = generateComplaintNumber(randomBytes);
    for (let attempt = 1; await ComplaintsRepository.numberTaken(tx, complaintNo); attempt++) {
      if (attempt >= NUMBER_ATTEMPTS) throw new Error('no free complaint number');
      complaintNo = generateComplaintNumber(randomBytes);
    }
    const followSecret = randomBytes(16).toString('base64url');
    const submittedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const state = newComplaint(submittedAt, subject.agencyTimeZone);
    const deadlines = deadlinesOf(state, this.calendar.calendar());
    const record: ComplaintRecord = {
      id: randomUUID(),
      complaintNo,
      followSecretSha256: followSecretDigest(followSecret),
      kind: input.kind,
      status: 'SUBMITTED',
      subjectKind: input.subjectKind,
      trackingNo: input.trackingNo ?? null,
      serviceCode: subject.serviceCode,
      applicationId: subject.applicationId ?? null,
      bundleCaseId: subject.bundleCaseId ?? null,
      stepKey: subject.stepKey ?? null,
      agencyCode: subject.agencyCode,
      timeZone: subject.agencyTimeZone,
      reporterId,
      contactEmail: input.contactEmail ?? null,
      contactPhone: input.contactPhone ?? null,
      text: input.text,
      submittedAt,
      routedAt: null,
      answerRoundFrom: null,
      answeredAt: null,
      firstAnsweredAt: null,
      disputedAt: null,
      closedAt: null,
      answerWorkingDays: null,
      ...deadlines,
      calendarVersions: calendarStamp(this.calendar.versions()),
    };
    await ComplaintsRepository.insert(tx, record);
    await ComplaintsRepository.addStep(tx, record.id, {
      step: 'SUBMITTED',
      at: submittedAt,
      actorKind: reporterId ? 'applicant' : 'anonymous',
      ...(reporterId ? { actorId: reporterId } : {}),
    });
    return {
      complaintNo,
      followSecret,
      status: 'SUBMITTED',
      agencyCode: record.agencyCode,
      submittedAt: toZonedIso(submittedAt, record.timeZone),
      due: { what: 'ROUTE', by: toZonedIso(record.dueAt!, record.timeZone) },
    };
  }

  /** Routing, answering or disputing, in one transaction with the complaint locked. */
  act(input: ActOnComplaintV1, caller: RequestContext): Promise<ComplaintV1> {
    return this.unitOfWork.run(async (tx) => {
      const record = await ComplaintsRepository.lock(tx, input.complaintNo);
      if (!record)
        throw new DomainError('complaint_not_found', 404, [], { complaintNo: input.complaintNo });
      requireComplaintActor(caller.principal, record, input.action, input.followSecret);
      const at = new Date();
      const changed = this.applied(record, input.action, at);
      await ComplaintsRepository.update(tx, changed);
      const position = await ComplaintsRepository.addStep(tx, record.id, {
        step:
          input.action === 'ROUTE' ? 'ROUTED' : input.action === 'ANSWER' ? 'ANSWERED' : 'DISPUTED',
        at,
        text: input.text,
        actorKind: caller.principal.kind,
        ...(caller.principal.subject ? { actorId: caller.principal.subject } : {}),
      });
      // The reporter is told of what others did; a dispute is their own doing.
      if (input.action !== 'DISPUTE') await this.notices.tell(tx, changed, position);
      return complaintView(changed, await ComplaintsRepository.steps(tx, record.id));
    });
  }

  /** The record after `action` at `at`, its deadlines counted on the current calendar. */
  applied(
    record: ComplaintRecord,
    action: 'ROUTE' | 'ANSWER' | 'DISPUTE' | 'CLOSE',
    at: Date,
  ): ComplaintRecord {
    const calendar = this.calendar.calendar();
    let state;
    try {
      state = actOnComplaint(stateOf(record), action, at, calendar);
    } catch (error) {
      if (!(error instanceof ComplaintRefused)) throw error;
      throw new DomainError('complaint_action_refused', 409, [], {
        action: error.action,
        status: error.status,
        reason: error.reason,
      });
    }
    const firstAnswer = action === 'ANSWER' && record.firstAnsweredAt === null;
    return {
      ...record,
      status: state.status,
      routedAt: state.routedAt ?? null,
      answerRoundFrom: state.answerRoundFrom ?? null,
      answeredAt: state.answeredAt ?? null,
      disputedAt: state.disputedAt ?? null,
      closedAt: state.closedAt ?? null,
      firstAnsweredAt: firstAnswer ? at : record.firstAnsweredAt,
      // The working days the first answer took from the routing, in the agency's zone.
      answerWorkingDays: firstAnswer
        ? workingDaysBetween(
            localDateOf(record.routedAt!, record.timeZone),
            localDateOf(at, record.timeZone),
            calendar,
          )
        : record.answerWorkingDays,
      ...deadlinesOf(state, calendar, record),
      calendarVersions: calendarStamp(this.calendar.versions()),
    };
  }
}
