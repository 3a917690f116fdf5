import { randomBytes } from 'node:crypto';
import { normalizeTrackingNumber } from '../tracking-number/tracking-number';
import { TICKET_CODES, formatTicketNumber } from './ticket-number';

describe('formatTicketNumber', () => {
  it.each([
    ['B', 1, 'B-001'],
    ['B', 17, 'B-017'],
    ['AB', 999, 'AB-999'],
    ['C', 1000, 'C-1000'],
    ['C', 9999, 'C-9999'],
  ])('writes line %s number %d as %s', (prefix, number, written) => {
    expect(formatTicketNumber(prefix, number)).toBe(written);
  });

  it.each([
    ['b', 1],
    ['ABC', 1],
    ['B1', 1],
    ['', 1],
  ])('refuses the prefix %j', (prefix, number) => {
    expect(() => formatTicketNumber(prefix, number)).toThrow(RangeError);
  });

  it.each([0, -1, 1.5, 10000, Number.NaN])('refuses the number %d', (number) => {
    expect(() => formatTicketNumber('B', number)).toThrow(RangeError);
  });
});

describe('TICKET_CODES', () => {
  it('makes ANT and nine symbols of the tracking-number scheme', () => {
    const code = TICKET_CODES.generate(randomBytes);
    expect(code).toMatch(/^ANT[0-9A-HJKMNP-TV-Z]{9}$/);
    expect(normalizeTrackingNumber(code.slice(3))).toBe(code.slice(3));
  });

  it('reads a code as a person types it, and formats it in groups', () => {
    const code = TICKET_CODES.generate(randomBytes);
    const typed = TICKET_CODES.format(code).toLowerCase();
    expect(typed).toMatch(/^ant-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]$/);
    expect(TICKET_CODES.normalize(typed)).toBe(code);
  });

  it('catches one symbol typed wrong by the check symbol', () => {
    const code = TICKET_CODES.generate(randomBytes);
    const last = code[code.length - 1];
    const wrong = `${code.slice(0, -1)}${last === '0' ? '1' : '0'}`;
    expect(TICKET_CODES.normalize(wrong)).toBeNull();
  });

  it('never reads an application number or a complaint number as a ticket code', () => {
    const trackingNo = 'K7M39QX2C';
    expect(TICKET_CODES.normalize(trackingNo)).toBeNull();
    expect(TICKET_CODES.normalize(`ADU${trackingNo}`)).toBeNull();
    expect(TICKET_CODES.normalize(`ANT${trackingNo}`)).toBe(`ANT${trackingNo}`);
  });
});
