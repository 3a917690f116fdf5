import { Module } from '@nestjs/common';
import { AgencyOutputsController } from './agency-outputs.controller';
import { MallAgencies } from './mall-agencies';
import { VerificationController } from './verification.controller';

/** Issued outputs: verification by anyone, the agencies' keys, revocation by their admins. */
@Module({
  controllers: [VerificationController, AgencyOutputsController],
  providers: [MallAgencies],
})
export class OutputsModule {}
