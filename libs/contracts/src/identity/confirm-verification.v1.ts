import { IsDefined, IsIn, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { VERIFICATION_CHANNELS, type VerificationChannel } from './register-applicant.v1';

/** The signed-in applicant confirms the one-time code sent to their phone or e-mail. */
export class ConfirmVerificationV1 {
  @IsDefined()
  @IsIn(VERIFICATION_CHANNELS)
  channel: VerificationChannel;

  @IsDefined()
  @IsString()
  @Matches(/^\d{6}$/, { context: { code: 'verification_code_format' } })
  code: string;
}

export interface VerificationConfirmedV1 {
  channel: VerificationChannel;
  verifiedAt: string;
}

export const ConfirmVerification = defineRequest<ConfirmVerificationV1, VerificationConfirmedV1>({
  subject: 'identity.verification.confirm.v1',
  service: 'identity',
  payload: ConfirmVerificationV1,
});
