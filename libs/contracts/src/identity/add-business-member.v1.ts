import { IsDefined, IsString, IsUUID, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import type { BusinessV1 } from './register-business.v1';

/** The owner names a registered applicant (by NIK) who may act for the business. */
export class AddBusinessMemberV1 {
  @IsDefined()
  @IsUUID()
  businessId: string;

  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;
}

export const AddBusinessMember = defineRequest<AddBusinessMemberV1, BusinessV1>({
  subject: 'identity.business-member.add.v1',
  service: 'identity',
  payload: AddBusinessMemberV1,
});
