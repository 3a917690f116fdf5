import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AgencyEventsConsumer } from './agency-events.consumer';

/** Intake's one reader of the agencies' stream (the catalog, statuses, bundles). */
@Module({ imports: [ApplicationsModule], providers: [AgencyEventsConsumer] })
export class AgencyEventsModule {}
