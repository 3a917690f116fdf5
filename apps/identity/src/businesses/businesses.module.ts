import { Module } from '@nestjs/common';
import { ApplicantsModule } from '../applicants/applicants.module';
import { BusinessesHandlers } from './businesses.handlers';
import { BusinessesRepository } from './businesses.repository';

/** Businesses (by NIB), registered by their owners, with the applicants who act for them. */
@Module({
  imports: [ApplicantsModule],
  controllers: [BusinessesHandlers],
  providers: [BusinessesRepository],
  exports: [BusinessesRepository],
})
export class BusinessesModule {}
