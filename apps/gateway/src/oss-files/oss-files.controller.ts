import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { ListOssFiles } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers, type CallerRule } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { OssFilesRequest, toListOssFilesV1 } from './oss-files.request';
import {
  OSS_FILES_EXAMPLE,
  OssFilesPageResponse,
  toOssFilesPageResponse,
} from './oss-files.response';

export const OSS_FILE_READERS = { officer: ['MALL_ADMIN'] } as const satisfies CallerRule;

const INSTANCE = '/v1/oss/files';

/**
 * The signed files OSS RBA delivered (receiveFileDS; issue 10, ADR 0035), for mall
 * administrators: which were attached, which wait for their permit, which failed and why.
 */
@ApiTags('tracking')
@Controller('v1/oss/files')
export class OssFilesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Callers(OSS_FILE_READERS)
  @ApiOperation({
    operationId: 'listOssFiles',
    summary: 'The signed permit files OSS delivered, and what became of each',
    description:
      'OSS tells the mall where the signed file of a permit is (receiveFileDS); the mall fetches it, ' +
      "stores it and attaches it to the application the permit opened. This lists those files, the latest first, a page at a time (`nextCursor`), with each file's state and reason: " +
      '`ATTACHED` (with the application and the document), `WAITING` for its permit (unmapped: add it to the ' +
      'permit map, and the next receiveNIB of the NIB opens it and the file is attached; or being opened), ' +
      '`RECEIVED` (to be fetched, or retried while OSS or the mall is away), `FAILED` (what fetching again ' +
      'would not change, or `gave_up: ` and the last error after the attempts allowed). Filter by `state` ' +
      "and `nib`. For mall administrators. No personal data: the permit is named by its NIB and OSS's ids, " +
      'the URL without its query (where a signed URL keeps its credential).',
    security: securityOf(OSS_FILE_READERS),
  })
  @ApiOkResponse({
    description: 'A page of files',
    type: OssFilesPageResponse,
    examples: {
      page: {
        summary: 'A file waiting for its unmapped permit, one attached, one given up on',
        value: OSS_FILES_EXAMPLE,
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed state, NIB, page size or cursor', {
    state: {
      summary: 'An unknown state',
      error: DomainError.validation([{ field: 'state', code: 'must_be_one_of' }]),
      instance: `${INSTANCE}?state=LOST`,
    },
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${INSTANCE}?cursor=bm9wZQ`,
    },
  })
  // 401 and 403 are documented from @Callers, as for every secured operation (access-answers.ts).
  @ApiUpstreamProblems('oss', INSTANCE)
  async list(@Query() query: OssFilesRequest): Promise<OssFilesPageResponse> {
    return toOssFilesPageResponse(await this.rpc.request(ListOssFiles, toListOssFilesV1(query)));
  }
}
