import { Module } from '@nestjs/common';
import { ApplicantsModule } from '../applicants/applicants.module';
import { BusinessesModule } from '../businesses/businesses.module';
import { ProfileRepublishing } from './profile-republishing';

/** Keeps every current profile on the PROFILE stream (published again daily). */
@Module({ imports: [ApplicantsModule, BusinessesModule], providers: [ProfileRepublishing] })
export class ProfilesModule {}
