import { ApiProperty } from '@nestjs/swagger';
import {
  BROKEN_CASES_LISTED,
  type CaseHistoryCheckV1,
  HISTORY_PROBLEMS,
  type HistoryProblem,
} from '@satupintu/contracts';
import { AGENCY_CODE, TRACKING_NO } from '../openapi/formats';

const COUNT = { minimum: 0, maximum: 2_147_483_647 } as const;

export class BrokenCaseResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO })
  trackingNo: string;

  @ApiProperty({
    enum: HISTORY_PROBLEMS,
    enumName: 'HistoryProblem',
    description:
      '`hash_mismatch`: the record was edited. `previous_hash_mismatch`: one before it was ' +
      'replaced (its hash recomputed). `sequence_gap`, `sequence_out_of_order`, ' +
      '`sequence_repeated`: records deleted, moved or repeated. `application_mismatch`, ' +
      '`status_discontinuity`: a record of another case, or one not starting where the previous ' +
      'ended. `history_missing`: a case without records. `history_shorter_than_case`: a valid ' +
      'chain shorter than the case counts (its last records deleted).',
    example: 'hash_mismatch',
  })
  problem: HistoryProblem;

  @ApiProperty({
    description: 'The sequence number of the first broken record',
    ...COUNT,
    example: 2,
  })
  sequence: number;

  @ApiProperty({ description: 'The sequence number expected there', ...COUNT, example: 2 })
  expectedSequence: number;
}

export class CaseHistoryCheckResponse {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency checked' })
  agencyCode: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    maxLength: 24,
    description: 'When the check ended (UTC)',
    example: '2026-12-03T01:00:00.000Z',
  })
  checkedAt: string;

  @ApiProperty({ description: 'Cases checked', ...COUNT, example: 1523 })
  cases: number;

  @ApiProperty({ description: 'Records read', ...COUNT, example: 6120 })
  records: number;

  @ApiProperty({ description: 'Cases whose history holds', ...COUNT, example: 1522 })
  intact: number;

  @ApiProperty({
    type: [BrokenCaseResponse],
    maxItems: BROKEN_CASES_LISTED,
    description: `The broken cases, by application id; the first ${BROKEN_CASES_LISTED} (\`cases - intact\` counts them all)`,
  })
  broken: BrokenCaseResponse[];
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toCaseHistoryCheckResponse(check: CaseHistoryCheckV1): CaseHistoryCheckResponse {
  return {
    agencyCode: check.agencyCode,
    checkedAt: check.checkedAt,
    cases: check.cases,
    records: check.records,
    intact: check.intact,
    broken: check.broken.slice(0, BROKEN_CASES_LISTED).map((broken) => ({
      applicationId: broken.applicationId,
      trackingNo: broken.trackingNo,
      problem: broken.problem,
      sequence: broken.sequence,
      expectedSequence: broken.expectedSequence,
    })),
  };
}
