import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { defineRequest } from '../contract';
import type { BundleV1 } from './define-bundle.v1';

/** The mall's bundles, by code, a page at a time, for anyone. */
export class ListBundlesV1 {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  cursor?: string;
}

export interface BundlesPageV1 {
  items: BundleV1[];
  nextCursor?: string;
}

export const ListBundles = defineRequest<ListBundlesV1, BundlesPageV1>({
  subject: 'intake.bundle.list.v1',
  service: 'intake',
  payload: ListBundlesV1,
});
