import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { GetCase, GetCaseFile, ListCaseChanges } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  mistypedTrackingNoExample,
  trackingNoFromPath,
} from '../applications/tracking-number.param';
import { Callers, OfAgency } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { AgencyCaseResponse, toAgencyCaseResponse } from './agency-case.response';
import { CaseChangesRequest, toListCaseChangesV1 } from './case-changes.request';
import { CaseChangesPageResponse, toCaseChangesPageResponse } from './case-changes.response';
import { ApiAgencyCodeParam, ApiCaseParams, agencyCodeOf } from './cases.controller';
import { ApiStatusFilter, WORK_QUEUE_READERS } from './work-queue.controller';

const FEED_INSTANCE = '/v1/agencies/DUKCAPIL/cases';
const CASE_INSTANCE = '/v1/agencies/DUKCAPIL/cases/K7M39QX2C';

const CASE_EXAMPLE = {
  agencyCode: 'DUKCAPIL',
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-AKTA-LAHIR',
  channel: 'COUNTER',
  status: 'VERIFYING',
  sequence: 1,
  submittedAt: '2026-11-23T10:45:12.123+07:00',
  receivedAt: '2026-11-23T10:45:12.456+07:00',
  changedAt: '2026-11-23T10:45:12.456+07:00',
  deadline: '2026-11-26T00:00:00.000+07:00',
  paused: false,
  claimedBy: '0b7e7c52-3f7a-4c1e-9d55-2f1f6a0c9e11',
  claimedUntil: '2026-11-23T11:15:00.000+07:00',
  applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
  form: { childName: 'Budi Santoso', birthPlace: 'Bogor', birthWeightGrams: 3100 },
  documents: [
    {
      documentId: '3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80',
      requirement: 'KK',
      contentType: 'application/pdf',
      size: 482133,
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      href: '/v1/documents/3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80',
    },
  ],
  history: [
    {
      sequence: 1,
      action: 'START_VERIFICATION',
      from: 'SUBMITTED',
      to: 'VERIFYING',
      actorKind: 'system',
      at: '2026-11-23T10:45:12.456+07:00',
    },
  ],
};

const CHANGE_EXAMPLE = {
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  channel: 'KIOSK',
  status: 'VERIFYING',
  sequence: 1,
  changedAt: '2026-11-23T10:45:12.456+07:00',
  deadline: '2026-11-26T00:00:00.000+07:00',
  paused: false,
};

/** What an agency's own system reads to do its work: new and changed cases, and each case whole. */
@ApiTags('agencies')
@Controller('v1/agencies')
export class AgencyCasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':agencyCode/cases')
  @Callers(WORK_QUEUE_READERS)
  @OfAgency('agencyCode')
  @ApiOperation({
    operationId: 'listCaseChanges',
    summary: "Pull an agency's new and changed cases",
    description:
      "The feed an agency's own system polls (scope `agency:<CODE>:work`; its officers and " +
      'mall administrators may read it too): the cases that arrived or moved, in the order ' +
      'those changes were committed, each as it is now. Keep the `cursor` of each answer and ' +
      'pass it as `after` next time: the feed never skips a change committed meanwhile and never ' +
      'repeats a case that has not changed since (ADR 0025). A case that changed twice between ' +
      'two polls appears once, as it is now; its `sequence` says how many records it has, and ' +
      '`GET …/cases/{trackingNo}` has them all. A change shows once every write transaction that ' +
      'began before it in the database server has ended (normally within milliseconds). `more` ' +
      'says there is more to read now. Claims are not changes. Filters keep the cursor: a ' +
      'filtered feed goes on where it stopped. No personal data.',
    security: securityOf(WORK_QUEUE_READERS),
  })
  @ApiAgencyCodeParam()
  @ApiExtension(
    'x-missing-resource',
    'An agency nobody runs is answered 503 naming it: no deployment of it answers the request.',
  )
  @ApiStatusFilter('Only cases now in these statuses')
  @ApiOkResponse({
    description: 'The changes after the cursor',
    type: CaseChangesPageResponse,
    examples: {
      newWork: {
        summary: 'One new case',
        value: {
          agencyCode: 'DUKCAPIL',
          items: [CHANGE_EXAMPLE],
          cursor: 'WyI5MDEiLCI2ZjFjMmI0ZS04ZDNhLTRmNWUtOWE3Yi0xYzJkM2U0ZjVhNmIiXQ',
          more: false,
        },
      },
      nothingNew: {
        summary: 'Nothing new since the cursor',
        value: {
          agencyCode: 'DUKCAPIL',
          items: [],
          cursor: 'WyI5MDEiLCI2ZjFjMmI0ZS04ZDNhLTRmNWUtOWE3Yi0xYzJkM2U0ZjVhNmIiXQ',
          more: false,
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed agency code, filter or cursor', {
    agencyCode: {
      summary: 'An agency code in lower case',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: '/v1/agencies/dukcapil/cases',
    },
    cursor: {
      summary: 'A cursor this feed did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${FEED_INSTANCE}?after=bm9wZQ`,
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'cases of DUKCAPIL' }),
      instance: FEED_INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'Not an officer or the system of this agency, nor a mall admin', {
    otherSystem: {
      summary: "Another agency's system",
      error: new DomainError('forbidden', 403, [], { resource: 'cases of DUKCAPIL' }),
      instance: FEED_INSTANCE,
    },
  })
  @ApiUpstreamProblems('DUKCAPIL', FEED_INSTANCE)
  async changes(
    @Param('agencyCode') agencyCode: string,
    @Query() query: CaseChangesRequest,
  ): Promise<CaseChangesPageResponse> {
    const to = agencyCodeOf(agencyCode);
    const page = await this.rpc.request(ListCaseChanges, toListCaseChangesV1(query), { to });
    return toCaseChangesPageResponse(page);
  }

  @Get(':agencyCode/cases/:trackingNo')
  @Callers(WORK_QUEUE_READERS)
  @OfAgency('agencyCode')
  @ApiOperation({
    operationId: 'getAgencyCase',
    summary: 'Read a case as its agency works it',
    description:
      'Everything the agency works a case with: where it stands (status, sequence, deadline in ' +
      "the agency's time zone, who holds it), its history records, the fee asked and the output " +
      'issued (from the agency), and the application as intake holds it: who applies (name and ' +
      "NIK, which the agency's officers and system check against the documents; masked for a " +
      'mall administrator), the form data, and the documents with a link to download each ' +
      "(`GET /v1/documents/{documentId}`, for the agency's officers and system). For the " +
      "agency's officers, its system (scope `agency:<CODE>:work`) and mall administrators " +
      '(read only). The agency and intake each decide who may on their own data. A tracking ' +
      "number the agency has no case for, another agency's included, is a 404. Either service " +
      'away is a 503 naming it: the case is never answered half.',
    security: securityOf(WORK_QUEUE_READERS),
  })
  @ApiCaseParams()
  @ApiOkResponse({
    description: 'The case',
    type: AgencyCaseResponse,
    examples: { verifying: { summary: 'A case being verified', value: CASE_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A malformed agency code or a mistyped tracking number', {
    ...mistypedTrackingNoExample('/v1/agencies/DUKCAPIL/cases/K7M39QX2D'),
    agencyCode: {
      summary: 'An agency code in lower case',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: '/v1/agencies/dukcapil/cases/K7M39QX2C',
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'cases of DUKCAPIL' }),
      instance: CASE_INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'Not an officer or the system of this agency, nor a mall admin', {
    otherAgency: {
      summary: 'An officer of another agency',
      error: new DomainError('forbidden', 403, [], { resource: 'cases of DUKCAPIL' }),
      instance: CASE_INSTANCE,
    },
  })
  @ApiProblemResponse(404, 'The agency has no case with this tracking number', {
    notFound: {
      summary: "No such case here (or another agency's)",
      error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
      instance: CASE_INSTANCE,
    },
  })
  @ApiUpstreamProblems('intake', CASE_INSTANCE)
  async get(
    @Param('agencyCode') agencyCode: string,
    @Param('trackingNo') raw: string,
  ): Promise<AgencyCaseResponse> {
    const to = agencyCodeOf(agencyCode);
    const trackingNo = trackingNoFromPath(raw);
    // Both at once; the agency's refusal (who may, which case) wins over anything intake says.
    const [found, file] = await Promise.allSettled([
      this.rpc.request(GetCase, { trackingNo }, { to }),
      this.rpc.request(GetCaseFile, { trackingNo, agencyCode: to }),
    ]);
    if (found.status === 'rejected') throw found.reason;
    if (file.status === 'rejected') throw file.reason;
    return toAgencyCaseResponse(found.value, file.value);
  }
}
