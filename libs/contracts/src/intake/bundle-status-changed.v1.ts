import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '../contract';
import { INTAKE_STREAM } from './intake.stream';

/**
 * A submitted bundle ended: COMPLETED (every step issued) or FAILED (a step rejected or
 * withdrawn, with the agency's reason). For telling the applicant; names them by id only.
 * Routed by the lower-case token `bundle`, which no agency code (upper case) can be, so no
 * agency's consumer receives it.
 */
export class BundleStatusChangedV1 {
  @IsUUID()
  bundleCaseId: string;

  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;

  @IsString()
  bundleCode: string;

  @IsOptional()
  @IsUUID()
  applicantId?: string;

  @IsIn(['COMPLETED', 'FAILED'])
  status: 'COMPLETED' | 'FAILED';

  @IsOptional()
  @IsString()
  @MaxLength(32)
  failedStep?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @IsISO8601()
  changedAt: string;
}

export const BundleStatusChanged = defineEvent<BundleStatusChangedV1>({
  subject: 'intake.bundle.status-changed.v1',
  stream: INTAKE_STREAM,
  payload: BundleStatusChangedV1,
  routingKey: () => 'bundle',
  orderingKey: (event) => event.bundleCaseId,
});
