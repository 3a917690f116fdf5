import { Module } from '@nestjs/common';
import { VerificationCodes } from '../notifications/verification-codes';
import { ApplicantsHandlers } from './applicants.handlers';
import { ApplicantsRepository } from './applicants.repository';
import { regionsProvider } from './regions.provider';

/** Citizens' accounts: registration, their profile, and verifying their phone and e-mail. */
@Module({
  controllers: [ApplicantsHandlers],
  providers: [ApplicantsRepository, VerificationCodes, regionsProvider],
  exports: [ApplicantsRepository],
})
export class ApplicantsModule {}
