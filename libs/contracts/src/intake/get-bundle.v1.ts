import { IsDefined, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { BUNDLE_CODE, type BundleV1 } from './define-bundle.v1';

/** One bundle of the catalog, for anyone. */
export class GetBundleV1 {
  @IsDefined()
  @IsString()
  @Matches(BUNDLE_CODE, { context: { code: 'bundle_code_format' } })
  code: string;
}

export const GetBundle = defineRequest<GetBundleV1, BundleV1>({
  subject: 'intake.bundle.get.v1',
  service: 'intake',
  payload: GetBundleV1,
});
