import { DomainError, toFieldErrors } from '@satupintu/common';
import { BookVisitV1, PutBookingScheduleV1 } from '@satupintu/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { sessionIdFrom, ticketCodeFrom } from './queue-formats';
import {
  BookVisitRequest,
  PutBookingScheduleRequest,
  toBookVisitV1,
  toCheckInV1,
  toIssueTicketV1,
  toPutBookingScheduleV1,
} from './queue.requests';

const problemOf = (work: () => unknown) => {
  try {
    work();
    return 'none';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'threw';
  }
};

const errorsOf = async <T extends object>(type: new () => T, body: unknown) =>
  toFieldErrors(
    await validate(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true }),
  );

describe('the floor’s requests', () => {
  it('take a walk-in for a service as a visit to apply, unless it says otherwise', () => {
    expect(toIssueTicketV1({ serviceCode: 'DUKCAPIL-KK' })).toEqual({
      serviceCode: 'DUKCAPIL-KK',
      purpose: 'APPLY',
    });
  });

  it('read a tracking number as a person types it, and refuse a mistyped one', () => {
    expect(
      toIssueTicketV1({
        serviceCode: 'DUKCAPIL-KK',
        purpose: 'COLLECT_OUTPUT',
        trackingNo: 'k7m3-9qx2-c',
      }),
    ).toEqual({ serviceCode: 'DUKCAPIL-KK', purpose: 'COLLECT_OUTPUT', trackingNo: 'K7M39QX2C' });
    expect(
      problemOf(() =>
        toIssueTicketV1({
          serviceCode: 'DUKCAPIL-KK',
          purpose: 'COLLECT_OUTPUT',
          trackingNo: 'K7M39QX2D',
        }),
      ),
    ).toBe('invalid_tracking_number');
  });

  it('read a booking code as typed, and catch one symbol typed wrong', () => {
    expect(toCheckInV1({ bookingCode: 'ant-k7m3-9qx2-c' })).toEqual({ code: 'ANTK7M39QX2C' });
    expect(ticketCodeFrom('antk7m39qx2c')).toBe('ANTK7M39QX2C');
    expect(problemOf(() => ticketCodeFrom('ANTK7M39QX2D'))).toBe('invalid_ticket_code');
    expect(problemOf(() => ticketCodeFrom('K7M39QX2C'))).toBe('invalid_ticket_code');
    expect(problemOf(() => ticketCodeFrom('A'.repeat(33)))).toBe('invalid_ticket_code');
  });

  it('take a session id only as a UUID', () => {
    expect(sessionIdFrom('0F4C2E8A-3B1D-4C6E-9A7F-5D2B1E0C9A84')).toBe(
      '0f4c2e8a-3b1d-4c6e-9a7f-5d2b1e0c9a84',
    );
    expect(problemOf(() => sessionIdFrom('nope'))).toBe('validation_failed');
  });

  it('map a booking and a schedule to the contracts, field by field', async () => {
    const booking = toBookVisitV1({
      serviceCode: 'DUKCAPIL-KK',
      day: '2026-03-17',
      slotStart: '09:00',
    });
    expect(booking).toEqual({
      serviceCode: 'DUKCAPIL-KK',
      purpose: 'APPLY',
      day: '2026-03-17',
      slotStart: '09:00',
    });
    expect(await validate(plainToInstance(BookVisitV1, booking))).toEqual([]);
    const schedule = toPutBookingScheduleV1('DUKCAPIL-KK', {
      slots: [{ start: '08:00', minutes: 60, capacity: 8 }],
    });
    expect(await validate(plainToInstance(PutBookingScheduleV1, schedule))).toEqual([]);
  });

  it('name each malformed field of a body with its code', async () => {
    const booking = await errorsOf(BookVisitRequest, {
      serviceCode: 'kk',
      day: '17-03-2026',
      slotStart: '9:00',
    });
    expect(booking.map((error) => `${error.field}:${error.code}`).sort()).toEqual([
      'day:must_be_date',
      'serviceCode:service_code_format',
      'slotStart:time_format',
    ]);
    expect(
      await errorsOf(PutBookingScheduleRequest, {
        slots: [{ start: '08:00', minutes: 2, capacity: 1001 }],
      }),
    ).toEqual([
      { field: 'slots.0.minutes', code: 'must_be_integer_between', params: { min: 5, max: 480 } },
      { field: 'slots.0.capacity', code: 'must_be_integer_between', params: { min: 1, max: 1000 } },
    ]);
  });
});
