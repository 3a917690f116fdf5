import { type DynamicModule, Module } from '@nestjs/common';
import { ComplaintSweeper } from './complaint-sweeper';
import { ComplaintsHandlers } from './complaints.handlers';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { COMPLAINTS_SETTINGS, type ComplaintsSettings } from './complaints.settings';
import { ReporterNotices } from './reporter-notices';

/** Complaints after SP4N-LAPOR! (ADR 0034). */
@Module({})
export class ComplaintsModule {
  static forRoot(settings: ComplaintsSettings): DynamicModule {
    return {
      module: ComplaintsModule,
      controllers: [ComplaintsHandlers],
      providers: [
        { provide: COMPLAINTS_SETTINGS, useValue: settings },
        ComplaintsRepository,
        ComplaintsService,
        ComplaintSweeper,
        ReporterNotices,
      ],
    };
  }
}
