import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import {
  ApplicantProfileChanged,
  ApplicationCancelled,
  ApplicationResubmitted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  BusinessProfileChanged,
  INTAKE_STREAM,
} from '@satupintu/contracts';
import {
  EventConsumers,
  NatsClients,
  latestEvent,
  on,
  type Transaction,
} from '@satupintu/messaging';
import { WorkingDayCalendarProvider } from '@satupintu/platform';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { keepProfilesOf } from '../profiles/profiles';
import { AGENCY_CODE } from './agency-code';
import { CaseOutputs } from './case-outputs';
import { CasesRepository, movePortsOf } from './cases.repository';
import { receiveApplication } from './receive-application';
import { type TakeUp, takeUpResubmission } from './take-up-resubmission';
import { takeUpCancellation, takeUpWithdrawal } from './take-up-withdrawal';

/**
 * Takes this agency's new applications off the INTAKE stream, and starts keeping the profiles
 * of those it now serves; takes up again the cases their applicants corrected, and stops those
 * they withdrew or whose bundle failed.
 */
@Injectable()
export class CasesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly nats: NatsClients,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
    private readonly calendar: WorkingDayCalendarProvider,
    private readonly outputs: CaseOutputs,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: INTAKE_STREAM,
      routingKey: this.agencyCode,
      handlers: [
        on(ApplicationSubmitted, async (submitted, tx) => {
          const opened = await receiveApplication(this.agencyCode, submitted, {
            addCase: (newCase, record, change) =>
              CasesRepository.addCase(tx, newCase, record, change),
            terms: (serviceCode) => CasesRepository.terms(tx, serviceCode),
            calendar: () => this.calendar.calendar(),
            now: () => new Date(),
          });
          if (opened) await this.keepProfiles(tx, submitted);
        }),
        on(ApplicationResubmitted, async (resubmitted, tx) => {
          const outcome = await takeUpResubmission(this.agencyCode, resubmitted, {
            findCase: (applicationId) => CasesRepository.lockCase(tx, { applicationId }),
            ...movePortsOf(tx, this.calendar, this.outputs),
          });
          this.leftAsItIs(resubmitted, outcome, 'resubmission of a case not awaiting corrections');
        }),
        on(ApplicationWithdrawn, async (withdrawn, tx) => {
          const outcome = await takeUpWithdrawal(this.agencyCode, withdrawn, {
            findCase: (applicationId) => CasesRepository.lockCase(tx, { applicationId }),
            ...movePortsOf(tx, this.calendar, this.outputs),
          });
          this.leftAsItIs(withdrawn, outcome, 'withdrawal of a case already decided');
        }),
        on(ApplicationCancelled, async (cancelled, tx) => {
          const outcome = await takeUpCancellation(this.agencyCode, cancelled, {
            findCase: (applicationId) => CasesRepository.lockCase(tx, { applicationId }),
            ...movePortsOf(tx, this.calendar, this.outputs),
          });
          this.leftAsItIs(cancelled, outcome, 'cancellation of a case already decided');
        }),
      ],
    });
  }

  private leftAsItIs(event: { applicationId: string }, outcome: TakeUp, what: string): void {
    if ('ignored' in outcome)
      this.logger.warn(
        { applicationId: event.applicationId, status: outcome.ignored },
        `${what}: left as it is`,
      );
  }

  private keepProfiles(
    tx: Transaction,
    subject: { applicantId?: string; businessId?: string },
  ): Promise<void> {
    return keepProfilesOf(
      subject,
      {
        needApplicant: (id) => ProfilesRepository.needApplicant(tx, id),
        needBusiness: (id) => ProfilesRepository.needBusiness(tx, id),
        updateApplicant: (profile) => ProfilesRepository.updateApplicant(tx, profile),
        updateBusiness: (profile) => ProfilesRepository.updateBusiness(tx, profile),
      },
      {
        applicant: (id) => latestEvent(this.nats, ApplicantProfileChanged, id),
        business: (id) => latestEvent(this.nats, BusinessProfileChanged, id),
      },
    );
  }
}
