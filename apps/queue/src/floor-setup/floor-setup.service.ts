import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type RequestContext } from '@satupintu/common';
import type {
  BookingScheduleV1,
  BookingSlotsV1,
  CounterV1,
  ListBookingSlotsV1,
  PutBookingScheduleV1,
  PutCounterV1,
  PutServiceLineV1,
  ServiceLineV1,
} from '@satupintu/contracts';
import {
  checkBooking,
  checkSchedule,
  parseLocalDate,
  slotTimes,
  toZonedIso,
} from '@satupintu/domain';
import { UnitOfWork } from '@satupintu/messaging';
import { QUEUE_SETTINGS, type QueueSettings } from '../queue.settings';
import { requireFloorManager } from '../floor-access';
import { BookingRulesSource } from './booking-rules';
import { CatalogServices } from './catalog-services';
import { FloorSetupRepository } from './floor-setup.repository';
import { counterView, lineView, scheduleView } from './floor-views';

/** Setting up the floor: service lines, counters, booking slots (ADR 0036). */
@Injectable()
export class FloorSetupService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalog: CatalogServices,
    private readonly repository: FloorSetupRepository,
    private readonly rules: BookingRulesSource,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
  ) {}

  async putLine(input: PutServiceLineV1, caller: RequestContext): Promise<ServiceLineV1> {
    const { principal } = caller;
    requireFloorManager(principal, input.agencyCode, `service lines of ${input.agencyCode}`);
    await this.catalog.agenciesOf(input.serviceCodes, (i) => `serviceCodes.${i}`, input.agencyCode);
    return this.unitOfWork.run(async (tx) => {
      const existing = await FloorSetupRepository.line(tx, input.prefix, true);
      // Taking a line from another agency needs the right to manage that one too.
      if (existing && existing.agencyCode !== input.agencyCode)
        requireFloorManager(principal, existing.agencyCode, `service line ${input.prefix}`);
      const line = {
        prefix: input.prefix,
        agencyCode: input.agencyCode,
        name: input.name.trim(),
        active: input.active,
        changedAt: new Date(),
      };
      if (!line.name) throw DomainError.validation([{ field: 'name', code: 'required' }], 422);
      const [taken] = await FloorSetupRepository.putLine(tx, line, input.serviceCodes);
      if (taken)
        throw new DomainError('queue_service_in_other_line', 409, [], {
          serviceCode: taken.serviceCode,
          prefix: taken.prefix,
        });
      return lineView(
        { ...line, serviceCodes: [...input.serviceCodes].sort() },
        this.settings.timeZone,
      );
    });
  }

  putCounter(input: PutCounterV1, caller: RequestContext): Promise<CounterV1> {
    const { principal } = caller;
    requireFloorManager(principal, input.agencyCode, `counters of ${input.agencyCode}`);
    return this.unitOfWork.run(async (tx) => {
      const existing = await FloorSetupRepository.counter(tx, input.code, true);
      if (existing && existing.agencyCode !== input.agencyCode)
        requireFloorManager(principal, existing.agencyCode, `counter ${input.code}`);
      const counter = {
        code: input.code,
        agencyCode: input.agencyCode,
        name: input.name.trim(),
        active: input.active,
        changedAt: new Date(),
      };
      if (!counter.name) throw DomainError.validation([{ field: 'name', code: 'required' }], 422);
      await FloorSetupRepository.putCounter(tx, counter);
      return counterView({ ...counter, open: existing?.open ?? false }, this.settings.timeZone);
    });
  }

  async putSchedule(
    input: PutBookingScheduleV1,
    caller: RequestContext,
  ): Promise<BookingScheduleV1> {
    const [agencyCode] = await this.catalog.agenciesOf([input.serviceCode], () => 'serviceCode');
    requireFloorManager(caller.principal, agencyCode, `booking slots of ${input.serviceCode}`);
    const problems = checkSchedule(input.slots);
    if (problems.length > 0) throw DomainError.validation(problems, 422);
    const schedule = {
      serviceCode: input.serviceCode,
      agencyCode,
      slots: input.slots.map(({ start, minutes, capacity }) => ({ start, minutes, capacity })),
      changedAt: new Date(),
    };
    await this.unitOfWork.run((tx) => FloorSetupRepository.putSchedule(tx, schedule));
    return scheduleView(schedule, this.settings.timeZone);
  }

  /** A day's slots of a service and what is left of each; none on a day that is not bookable. */
  async slots(input: ListBookingSlotsV1): Promise<BookingSlotsV1> {
    if (!parseLocalDate(input.day))
      throw DomainError.validation([{ field: 'day', code: 'must_be_date' }]);
    const schedule = await this.repository.scheduleOf(input.serviceCode);
    if (!schedule)
      throw new DomainError('queue_schedule_not_found', 404, [], {
        serviceCode: input.serviceCode,
      });
    const zone = this.settings.timeZone;
    const rules = this.rules.at(new Date());
    const checked = schedule.slots.map((slot) => ({
      slot,
      times: slotTimes(input.day, slot, zone),
      check: checkBooking(input.day, slot.start, schedule.slots, rules),
    }));
    const bookable =
      checked.length > 0 &&
      checked.every(
        ({ check }) => !('problems' in check) || check.problems.every((p) => p.field !== 'day'),
      );
    if (!bookable)
      return { serviceCode: input.serviceCode, day: input.day, bookable: false, slots: [] };
    const booked = await this.repository.bookedIn(
      input.serviceCode,
      checked.map(({ times }) => times.start),
    );
    return {
      serviceCode: input.serviceCode,
      day: input.day,
      bookable: true,
      slots: checked.map(({ slot, times, check }) => ({
        slotStart: slot.start,
        start: toZonedIso(times.start, zone),
        end: toZonedIso(times.end, zone),
        capacity: slot.capacity,
        // A slot that has started takes no more bookings.
        available:
          'problems' in check
            ? 0
            : Math.max(0, slot.capacity - (booked.get(times.start.getTime()) ?? 0)),
      })),
    };
  }
}
