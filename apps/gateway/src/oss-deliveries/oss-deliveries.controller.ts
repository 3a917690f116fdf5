import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { ListOssDeliveries } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, type CallerRule } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { OssDeliveriesRequest, toListOssDeliveriesV1 } from './oss-deliveries.request';
import { OssDeliveriesPageResponse, toOssDeliveriesPageResponse } from './oss-deliveries.response';

export const OSS_DELIVERY_READERS = { officer: ['MALL_ADMIN'] } as const satisfies CallerRule;

const INSTANCE = '/v1/oss/deliveries';

const PAGE_EXAMPLE = {
  items: [
    {
      id: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
      method: 'receiveLicenseStatus',
      applicationId: '0b7e1f7a-51b3-4b8e-9a53-1d2f0c6c7e11',
      trackingNo: 'K7M39QX2C',
      nib: '8120207730001',
      idIzin: 'I-202111181604410530001',
      kdStatus: '41',
      occurredAt: '2026-12-03T03:04:05.000Z',
      status: 'delivered',
      createdAt: '2026-12-03T03:04:05.100Z',
      deliveredAt: '2026-12-03T03:04:11.530Z',
      attempts: [
        {
          attempt: 1,
          at: '2026-12-03T03:04:05.120Z',
          httpStatus: 503,
          answer: '500 Proses Payload Data Di Sistem OSS Gagal',
          durationMs: 84,
        },
        {
          attempt: 2,
          at: '2026-12-03T03:04:11.450Z',
          httpStatus: 200,
          answer: '200 Sukses',
          durationMs: 80,
        },
      ],
    },
  ],
  nextCursor: 'WyI0MiJd',
};

/**
 * The reports SatuPintu sends OSS RBA (issue 10, ADR 0031), for mall administrators: which
 * went, which wait, and what OSS answered each time.
 */
@ApiTags('tracking')
@Controller('v1/oss/deliveries')
export class OssDeliveriesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Callers(OSS_DELIVERY_READERS)
  @ApiOperation({
    operationId: 'listOssDeliveries',
    summary: 'The status reports sent to OSS, with every attempt and its reply',
    description:
      'Every move of a case that came from OSS is reported to OSS RBA (receiveLicenseStatus with ' +
      'its `kd_status`, receiveLicense with the issued permit), in order per application, retried ' +
      "with backoff until OSS's reply says `kode` 200 (PIA Lampiran 9), never sent again once it " +
      'did. This is their log, the latest first, a page at a time (`nextCursor`): each report ' +
      "with every attempt, its HTTP status and OSS's reply. For mall administrators. No personal " +
      'data: the permit is named by its NIB and OSS ids.',
    security: securityOf(OSS_DELIVERY_READERS),
  })
  @ApiOkResponse({
    description: 'A page of reports',
    type: OssDeliveriesPageResponse,
    examples: {
      page: { summary: 'A report OSS refused once, then acknowledged', value: PAGE_EXAMPLE },
    },
  })
  @ApiProblemResponse(400, 'A malformed status, page size or cursor', {
    status: {
      summary: 'An unknown status',
      error: DomainError.validation([{ field: 'status', code: 'must_be_one_of' }]),
      instance: `${INSTANCE}?status=late`,
    },
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${INSTANCE}?cursor=bm9wZQ`,
    },
  })
  @ApiProblemResponse(401, 'No authenticated caller', {
    anonymous: {
      summary: 'An anonymous caller',
      error: new DomainError('unauthenticated', 401, [], { resource: 'OSS report deliveries' }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(403, 'The caller is not a mall administrator', {
    agencyAdmin: {
      summary: "An agency's admin",
      error: new DomainError('forbidden', 403, [], { resource: 'OSS report deliveries' }),
      instance: INSTANCE,
    },
  })
  @ApiUpstreamProblems('oss', INSTANCE)
  async list(@Query() query: OssDeliveriesRequest): Promise<OssDeliveriesPageResponse> {
    const page = await this.rpc.request(ListOssDeliveries, toListOssDeliveriesV1(query));
    return toOssDeliveriesPageResponse(page);
  }
}
