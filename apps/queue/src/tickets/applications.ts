import { Injectable } from '@nestjs/common';
import { DomainError, asThisService } from '@satupintu/common';
import { ResolveComplaintSubject } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';

/**
 * The application a ticket names (to hand in documents, to collect an output), asked of intake
 * as this service through the request that already resolves a tracking number to its owning
 * agency and application id (`ResolveComplaintSubject`). Only such a ticket waits on intake: a
 * walk-in for a service does not.
 *
 * Whose application it may be (ADR 0038): an applicant's booking names one of their own, and
 * intake answers anyone else's as one nobody has, so a booking never tells whether a tracking
 * number exists. A kiosk's walk-in names any application of the line's agency: the kiosk acts
 * for an anonymous visitor, who may be collecting a relative's output or handing in a
 * company's documents, and the officer checks who they are at the counter before anything of
 * the case is shown or handed over; the kiosk is on the floor, in view, not on the internet.
 */
@Injectable()
export class TicketApplications {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * The application's id; one nobody has (or, with `applicantId`, not theirs), or of another
   * agency, is a 422 on `trackingNo`.
   */
  async resolve(trackingNo: string, agencyCode: string, applicantId?: string): Promise<string> {
    let subject;
    try {
      subject = await asThisService(() =>
        this.rpc.request(ResolveComplaintSubject, {
          kind: 'APPLICATION',
          trackingNo,
          ...(applicantId === undefined ? {} : { applicantId }),
        }),
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
