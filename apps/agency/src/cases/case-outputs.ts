import { Inject, Injectable } from '@nestjs/common';
import type { ServiceStandardContentV1 } from '@satupintu/contracts';
import type { CaseRecord } from '@satupintu/domain';
import { type Executor, sql } from '@satupintu/persistence';
import type { ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { OutputDeliveries } from '../outputs/output-deliveries';
import { Outputs } from '../outputs/outputs';
import { type CaseParties, caseOutputCommand } from './case-output';
import type { LockedCase } from './transition-case';

export const AGENCY_NAME = Symbol('AGENCY_NAME');

/** Issues a case's output from what the agency keeps of it, in the transaction that issues it. */
@Injectable()
export class CaseOutputs {
  constructor(
    private readonly outputs: Outputs,
    private readonly deliveries: OutputDeliveries,
    @Inject(AGENCY_NAME) private readonly agencyName: string,
  ) {}

  /**
   * The ISSUED change, in the transaction that makes it: not published now but left to the
   * delivery job, which publishes it once the PDF is in the documents store (ADR 0021).
   */
  defer(
    tx: Executor,
    change: ApplicationStatusChangedV1 & { output: { number: string } },
  ): Promise<void> {
    return this.deliveries.defer(tx, change);
  }

  /** The output's number: a new one, or the one the application has already. */
  async issue(
    tx: Executor,
    locked: LockedCase,
    record: CaseRecord,
    issuedBy: string,
  ): Promise<string> {
    const [row] = await tx.query<{
      applicantName: string | null;
      nik: string | null;
      businessId: string | null;
      businessName: string | null;
      standard: ServiceStandardContentV1 | null;
    }>(sql`
      SELECT a.name AS "applicantName", a.nik, c.business_id AS "businessId",
             b.name AS "businessName", s.standard
        FROM cases c
        LEFT JOIN applicants a ON a.id = c.applicant_id
        LEFT JOIN businesses b ON b.id = c.business_id
        LEFT JOIN service_standards s ON s.code = c.service_code
       WHERE c.application_id = ${locked.applicationId}`);
    const parties: CaseParties = {
      ...(row?.applicantName !== undefined
        ? { applicant: { name: row.applicantName, nik: row.nik } }
        : {}),
      ...(row?.businessId ? { business: { name: row.businessName } } : {}),
    };
    const issued = await this.outputs.issue(
      tx,
      caseOutputCommand(locked, record, {
        parties,
        ...(row?.standard ? { serviceName: row.standard.names } : {}),
        issuedBy,
      }),
      { agencyName: this.agencyName, timeZone: locked.timeZone },
    );
    return issued.created ? issued.output.documentNo : issued.documentNo;
  }
}
