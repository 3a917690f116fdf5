import { Module } from '@nestjs/common';
import { ComplaintUpdatesHandlers } from './complaint-updates.handlers';
import { ReporterContacts } from './reporter-contacts.repository';

/** Complaints' reporters told of each step, for the surveys service (ADR 0034). */
@Module({ controllers: [ComplaintUpdatesHandlers], providers: [ReporterContacts] })
export class ComplaintUpdatesModule {}
