import { IsDefined, IsIn } from 'class-validator';
import { defineRequest } from '../contract';
import { VERIFICATION_CHANNELS, type VerificationChannel } from './register-applicant.v1';

/**
 * The signed-in applicant asks for a new one-time code for their phone or e-mail (the last one
 * expired, or never arrived). The codes sent before stop working.
 */
export class SendVerificationCodeV1 {
  @IsDefined()
  @IsIn(VERIFICATION_CHANNELS)
  channel: VerificationChannel;
}

export interface VerificationCodeSentV1 {
  channel: VerificationChannel;
  expiresAt: string;
}

export const SendVerificationCode = defineRequest<SendVerificationCodeV1, VerificationCodeSentV1>({
  subject: 'identity.verification-code.send.v1',
  service: 'identity',
  payload: SendVerificationCodeV1,
});
