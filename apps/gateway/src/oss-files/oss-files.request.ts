import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { OSS_FILE_STATES, type ListOssFilesV1, type OssFileStateV1 } from '@satupintu/contracts';
import { PageCursor, PageLimit } from '../openapi/paging';
import { WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';

export class OssFilesRequest {
  @ApiPropertyOptional({
    description:
      'Only files in this state: `RECEIVED` (to be fetched, or being retried), `WAITING` (its permit has no application yet), `ATTACHED`, `FAILED`',
    enum: OSS_FILE_STATES,
    enumName: 'OssFileState',
    example: 'WAITING',
  })
  @IsOptional()
  @IsIn(OSS_FILE_STATES)
  state?: OssFileStateV1;

  @ApiPropertyOptional({
    description: 'Only the files of this business (NIB)',
    maxLength: 13,
    pattern: '^\\d{13}$',
    example: '8120000110171',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{13}$/)
  nib?: string;

  @PageLimit('Files')
  limit?: number;

  @PageCursor()
  cursor?: string;
}

export function toListOssFilesV1(query: OssFilesRequest): ListOssFilesV1 {
  return {
    limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
    ...(query.state ? { state: query.state } : {}),
    ...(query.nib ? { nib: query.nib } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
