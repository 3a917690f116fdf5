import type { TicketRecord } from './tickets.repository';
import { ticketStatusOn, ticketView } from './ticket-view';

const aTicket = (overrides: Partial<TicketRecord> = {}): TicketRecord => ({
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  code: 'ANTK7M39QX2C',
  kind: 'WALK_IN',
  status: 'WAITING',
  purpose: 'COLLECT_OUTPUT',
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  day: '2026-03-16',
  line: 'B',
  lineName: 'Kependudukan',
  number: 17,
  trackingNo: '4F8KQ2W9X',
  applicationId: '6f1c2d3e-0000-4000-8000-000000000002',
  applicantId: null,
  clientId: 'kiosk-lobby',
  slotStart: null,
  slotEnd: null,
  priorityFrom: null,
  bookedAt: null,
  cancelledAt: null,
  checkedInAt: new Date('2026-03-16T08:02:00+07:00'),
  calledAt: null,
  lastCalledAt: null,
  calls: 0,
  counterCode: null,
  sessionId: null,
  servedAt: null,
  noShowAt: null,
  ...overrides,
});

const context = { timeZone: 'Asia/Jakarta', today: '2026-03-16' };

describe('ticketView', () => {
  it('shows the number, line, check-in in the mall zone and the wait', () => {
    expect(
      ticketView(
        aTicket(),
        { ...context, audience: 'holder' },
        { ahead: 3, estimatedWaitSeconds: 610 },
      ),
    ).toEqual({
      code: 'ANTK7M39QX2C',
      ticketNo: 'B-017',
      status: 'WAITING',
      kind: 'WALK_IN',
      purpose: 'COLLECT_OUTPUT',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      line: { prefix: 'B', name: 'Kependudukan' },
      day: '2026-03-16',
      trackingNo: '4F8KQ2W9X',
      checkedInAt: '2026-03-16T08:02:00.000+07:00',
      ahead: 3,
      estimatedWaitMinutes: 11,
    });
  });

  it('leaves the application out of the public status', () => {
    const shown = ticketView(aTicket(), { ...context, audience: 'public' });
    expect(shown).not.toHaveProperty('trackingNo');
    expect(JSON.stringify(shown)).not.toContain('4F8KQ2W9X');
    expect(JSON.stringify(shown)).not.toContain('kiosk-lobby');
  });

  it('shows a booking without a number, with its slot', () => {
    const booking = aTicket({
      kind: 'BOOKED',
      status: 'BOOKED',
      purpose: 'APPLY',
      line: null,
      lineName: null,
      number: null,
      trackingNo: null,
      checkedInAt: null,
      day: '2026-03-17',
      slotStart: new Date('2026-03-17T09:00:00+07:00'),
      slotEnd: new Date('2026-03-17T09:30:00+07:00'),
      bookedAt: new Date('2026-03-16T20:15:00+07:00'),
    });
    expect(ticketView(booking, { ...context, audience: 'holder' })).toEqual({
      code: 'ANTK7M39QX2C',
      status: 'BOOKED',
      kind: 'BOOKED',
      purpose: 'APPLY',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      day: '2026-03-17',
      slot: { start: '2026-03-17T09:00:00.000+07:00', end: '2026-03-17T09:30:00.000+07:00' },
      bookedAt: '2026-03-16T20:15:00.000+07:00',
    });
  });

  it('shows the latest call, its counter and the count of calls', () => {
    const called = aTicket({
      status: 'CALLED',
      calledAt: new Date('2026-03-16T08:30:00+07:00'),
      lastCalledAt: new Date('2026-03-16T08:33:00+07:00'),
      calls: 2,
      counterCode: '3',
    });
    expect(ticketView(called, { ...context, audience: 'public' })).toMatchObject({
      status: 'CALLED',
      calledAt: '2026-03-16T08:33:00.000+07:00',
      counterCode: '3',
      calls: 2,
    });
  });

  it('leaves the estimate out while no counter is open for the line', () => {
    const shown = ticketView(
      aTicket(),
      { ...context, audience: 'public' },
      { ahead: 2, estimatedWaitSeconds: undefined },
    );
    expect(shown.ahead).toBe(2);
    expect(shown).not.toHaveProperty('estimatedWaitMinutes');
  });
});

describe('ticketStatusOn', () => {
  it('calls a booking whose day is over unchecked EXPIRED', () => {
    expect(ticketStatusOn({ status: 'BOOKED', day: '2026-03-13' }, '2026-03-16')).toBe('EXPIRED');
    expect(ticketStatusOn({ status: 'BOOKED', day: '2026-03-16' }, '2026-03-16')).toBe('BOOKED');
  });

  it('keeps every other status as it is', () => {
    expect(ticketStatusOn({ status: 'SERVED', day: '2026-03-13' }, '2026-03-16')).toBe('SERVED');
  });
});
