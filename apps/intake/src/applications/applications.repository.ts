import { Injectable } from '@nestjs/common';
import { ApplicationSubmitted, type ApplicationSubmittedV1 } from '@satupintu/contracts';
import { UnitOfWork, outgoing } from '@satupintu/messaging';

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The application and its ApplicationSubmitted event, together or not at all. */
  async addSubmitted(event: ApplicationSubmittedV1): Promise<boolean> {
    try {
      await this.unitOfWork.writeWithEvents(
        `INSERT INTO applications (id, tracking_no, service_code, agency_code, channel,
           applicant_nik, applicant_name, applicant_birth_date, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          event.applicationId,
          event.trackingNo,
          event.serviceCode,
          event.agencyCode,
          event.channel,
          event.applicant.nik,
          event.applicant.name,
          event.applicant.birthDate ?? null,
          event.submittedAt,
        ],
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
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })
    .driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
