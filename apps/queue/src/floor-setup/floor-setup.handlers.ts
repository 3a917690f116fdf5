import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  ListBookingSlots,
  ListBookingSlotsV1,
  ListCounters,
  ListCountersV1,
  ListServiceLines,
  ListServiceLinesV1,
  PutBookingSchedule,
  PutBookingScheduleV1,
  PutCounter,
  PutCounterV1,
  PutServiceLine,
  PutServiceLineV1,
  QUEUE_FORMATS,
  type BookingScheduleV1,
  type BookingSlotsV1,
  type CounterV1,
  type CountersPageV1,
  type ServiceLineV1,
  type ServiceLinesPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { QUEUE_SETTINGS, type QueueSettings } from '../queue.settings';
import { FloorSetupRepository } from './floor-setup.repository';
import { FloorSetupService } from './floor-setup.service';
import { counterView, lineView, pageOf, pageQueryOf } from './floor-views';

/** The floor's set-up: changed by its managers, read by anyone (kiosks, displays, apps). */
@Controller()
export class FloorSetupHandlers {
  constructor(
    private readonly setup: FloorSetupService,
    private readonly repository: FloorSetupRepository,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
  ) {}

  @HandleRequest(PutServiceLine)
  putLine(
    @Payload() request: PutServiceLineV1,
    @Caller() caller: RequestContext,
  ): Promise<ServiceLineV1> {
    return this.setup.putLine(request, caller);
  }

  @HandleRequest(ListServiceLines)
  async lines(@Payload() request: ListServiceLinesV1): Promise<ServiceLinesPageV1> {
    const rows = await this.repository.lines(pageQueryOf(request, QUEUE_FORMATS.linePrefix));
    return pageOf(
      rows,
      request.limit,
      (line) => line.prefix,
      (line) => lineView(line, this.settings.timeZone),
    );
  }

  @HandleRequest(PutCounter)
  putCounter(
    @Payload() request: PutCounterV1,
    @Caller() caller: RequestContext,
  ): Promise<CounterV1> {
    return this.setup.putCounter(request, caller);
  }

  @HandleRequest(ListCounters)
  async counters(@Payload() request: ListCountersV1): Promise<CountersPageV1> {
    const rows = await this.repository.counters(pageQueryOf(request, QUEUE_FORMATS.counterCode));
    return pageOf(
      rows,
      request.limit,
      (counter) => counter.code,
      (counter) => counterView(counter, this.settings.timeZone),
    );
  }

  @HandleRequest(PutBookingSchedule)
  putSchedule(
    @Payload() request: PutBookingScheduleV1,
    @Caller() caller: RequestContext,
  ): Promise<BookingScheduleV1> {
    return this.setup.putSchedule(request, caller);
  }

  @HandleRequest(ListBookingSlots)
  slots(@Payload() request: ListBookingSlotsV1): Promise<BookingSlotsV1> {
    return this.setup.slots(request);
  }
}
