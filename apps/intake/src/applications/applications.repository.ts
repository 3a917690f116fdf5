import { Injectable } from '@nestjs/common';
import { ApplicationSubmitted, type ApplicationSubmittedV2 } from '@satupintu/contracts';
import { UnitOfWork, outgoing } from '@satupintu/messaging';
import { sql } from '@satupintu/persistence';
import type { NewApplication } from './submit-application';

/** Every query on intake's `applications` table. */
@Injectable()
export class ApplicationsRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The application and its ApplicationSubmitted event, together or not at all. */
  async addSubmitted(application: NewApplication, event: ApplicationSubmittedV2): Promise<boolean> {
    const { applicant } = application;
    try {
      await this.unitOfWork.writeWithEvents(
        sql`INSERT INTO applications (id, tracking_no, service_code, agency_code, channel,
              applicant_nik, applicant_name, applicant_birth_date, submitted_at)
            VALUES (${application.applicationId}, ${application.trackingNo},
              ${application.serviceCode}, ${application.agencyCode}, ${application.channel},
              ${applicant.nik}, ${applicant.name}, ${applicant.birthDate ?? null},
              ${application.submittedAt})`,
        [outgoing(ApplicationSubmitted, event)],
      );
      return true;
    } catch (error) {
      if (violates(error, 'applications_tracking_no_key')) return false;
      throw error;
    }
  }
}

function violates(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
