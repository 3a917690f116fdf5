import { Injectable } from '@nestjs/common';
import { DomainError, asThisService } from '@satupintu/common';
import { ResolveComplaintSubject } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';

/**
 * The application a ticket names (to hand in documents, to collect an output), asked of intake
 * as this service through the request that already resolves a tracking number to its owning
 * agency and application id (`ResolveComplaintSubject`). Only such a ticket waits on intake: a
 * walk-in for a service does not.
 */
@Injectable()
export class TicketApplications {
  constructor(private readonly rpc: RpcClient) {}

  /** The application's id; one nobody has, or of another agency, is a 422 on `trackingNo`. */
  async resolve(trackingNo: string, agencyCode: string): Promise<string> {
    let subject;
    try {
      subject = await asThisService(() =>
        this.rpc.request(ResolveComplaintSubject, { kind: 'APPLICATION', trackingNo }),
      );
    } catch (error) {
      if (error instanceof DomainError && error.status === 404)
        throw DomainError.validation([{ field: 'trackingNo', code: 'unknown_application' }], 422);
      throw error;
    }
    if (subject.agencyCode !== agencyCode)
      throw DomainError.validation(
        [
          {
            field: 'trackingNo',
            code: 'application_of_other_agency',
            params: { agencyCode: subject.agencyCode },
          },
        ],
        422,
      );
    return subject.applicationId!;
  }
}
