import { Module } from '@nestjs/common';
import { BookingRulesSource } from './booking-rules';
import { CatalogServices } from './catalog-services';
import { FloorSetupHandlers } from './floor-setup.handlers';
import { FloorSetupRepository } from './floor-setup.repository';
import { FloorSetupService } from './floor-setup.service';

/** Service lines, counters and booking slots (ADR 0036). */
@Module({
  controllers: [FloorSetupHandlers],
  providers: [CatalogServices, FloorSetupRepository, FloorSetupService, BookingRulesSource],
  exports: [FloorSetupRepository, BookingRulesSource],
})
export class FloorSetupModule {}
