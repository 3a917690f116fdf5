import type {
  BookingScheduleResponse,
  BookingSlotsResponse,
  CounterResponse,
  CounterSessionResponse,
  ServiceLineResponse,
  TicketResponse,
} from './queue.responses';
import { SESSION_ID_EXAMPLE } from './queue-formats';

export const LINE_EXAMPLE: ServiceLineResponse = {
  prefix: 'B',
  agencyCode: 'DUKCAPIL',
  name: 'Kependudukan',
  serviceCodes: ['DUKCAPIL-AKTA-LAHIR', 'DUKCAPIL-KK'],
  active: true,
  changedAt: '2026-03-13T16:20:00.000+07:00',
};

export const COUNTER_EXAMPLE: CounterResponse = {
  code: '3',
  agencyCode: 'DUKCAPIL',
  name: 'Loket 3 Dukcapil',
  active: true,
  open: false,
  changedAt: '2026-03-13T16:25:00.000+07:00',
};

export const SCHEDULE_EXAMPLE: BookingScheduleResponse = {
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  slots: [
    { start: '08:00', minutes: 60, capacity: 8 },
    { start: '09:00', minutes: 60, capacity: 8 },
    { start: '13:00', minutes: 60, capacity: 6 },
  ],
  changedAt: '2026-03-13T16:30:00.000+07:00',
};

export const SLOTS_EXAMPLE: BookingSlotsResponse = {
  serviceCode: 'DUKCAPIL-KK',
  day: '2026-03-17',
  bookable: true,
  slots: [
    {
      slotStart: '08:00',
      start: '2026-03-17T08:00:00.000+07:00',
      end: '2026-03-17T09:00:00.000+07:00',
      capacity: 8,
      available: 0,
    },
    {
      slotStart: '09:00',
      start: '2026-03-17T09:00:00.000+07:00',
      end: '2026-03-17T10:00:00.000+07:00',
      capacity: 8,
      available: 5,
    },
  ],
};

const LINE = { prefix: 'B', name: 'Kependudukan' };

export const WALK_IN_EXAMPLE: TicketResponse = {
  code: 'ANTK7M39QX2C',
  ticketNo: 'B-017',
  status: 'WAITING',
  kind: 'WALK_IN',
  purpose: 'COLLECT_OUTPUT',
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  line: LINE,
  day: '2026-03-16',
  trackingNo: 'M2PQ7R4ZD',
  checkedInAt: '2026-03-16T08:02:11.406+07:00',
};

const { trackingNo: _application, ...PUBLIC_WALK_IN } = WALK_IN_EXAMPLE;

/** As anyone holding the code sees it: without the application, with the wait. */
export const STATUS_EXAMPLE: TicketResponse = {
  ...PUBLIC_WALK_IN,
  ahead: 4,
  estimatedWaitMinutes: 12,
};

export const BOOKING_EXAMPLE: TicketResponse = {
  code: 'ANT4F8KQ2W9X',
  status: 'BOOKED',
  kind: 'BOOKED',
  purpose: 'APPLY',
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  day: '2026-03-17',
  slot: { start: '2026-03-17T09:00:00.000+07:00', end: '2026-03-17T10:00:00.000+07:00' },
  bookedAt: '2026-03-16T20:15:03.118+07:00',
};

export const CHECKED_IN_EXAMPLE: TicketResponse = {
  ...BOOKING_EXAMPLE,
  ticketNo: 'B-021',
  status: 'WAITING',
  line: LINE,
  checkedInAt: '2026-03-17T08:51:40.227+07:00',
};

export const CALLED_EXAMPLE: TicketResponse = {
  ...CHECKED_IN_EXAMPLE,
  status: 'CALLED',
  calledAt: '2026-03-17T09:00:05.913+07:00',
  counterCode: '3',
  calls: 1,
};

export const SESSION_EXAMPLE: CounterSessionResponse = {
  sessionId: SESSION_ID_EXAMPLE,
  counterCode: '3',
  agencyCode: 'DUKCAPIL',
  serviceCodes: ['DUKCAPIL-AKTA-LAHIR', 'DUKCAPIL-KK'],
  openedAt: '2026-03-17T07:55:00.000+07:00',
  current: CALLED_EXAMPLE,
};
