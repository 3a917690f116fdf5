import { Module } from '@nestjs/common';
import { FloorSetupModule } from '../floor-setup/floor-setup.module';
import { TicketApplications } from './applications';
import { TicketsHandlers } from './tickets.handlers';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

/** Walk-in numbers, bookings and check-ins, and a ticket's status (ADR 0036). */
@Module({
  imports: [FloorSetupModule],
  controllers: [TicketsHandlers],
  providers: [TicketApplications, TicketsRepository, TicketsService],
  exports: [TicketsRepository],
})
export class TicketsModule {}
