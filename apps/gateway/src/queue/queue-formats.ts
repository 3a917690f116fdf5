import { applyDecorators } from '@nestjs/common';
import { ApiParam, type ApiPropertyOptions } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { QUEUE_FORMATS } from '@satupintu/contracts';
import { TICKET_CODES } from '@satupintu/domain';
import type { CallerRule } from '../auth/access';
import type { ProblemExample } from '../openapi/problem.responses';

// The floor's shapes (ADR 0036), shared by its requests, answers and parameters.

export const LINE_PREFIX = {
  type: String,
  minLength: 1,
  maxLength: 2,
  pattern: QUEUE_FORMATS.linePrefix.source,
  example: 'B',
} satisfies ApiPropertyOptions;

export const COUNTER_CODE = {
  type: String,
  minLength: 1,
  maxLength: 8,
  pattern: QUEUE_FORMATS.counterCode.source,
  example: '3',
} satisfies ApiPropertyOptions;

/** The canonical code: `ANT` and nine symbols. */
export const TICKET_CODE = {
  type: String,
  minLength: 12,
  maxLength: 12,
  pattern: QUEUE_FORMATS.ticketCode.source,
  example: 'ANTK7M39QX2C',
} satisfies ApiPropertyOptions;

export const TICKET_NO = {
  type: String,
  maxLength: 7,
  pattern: QUEUE_FORMATS.ticketNo.source,
  example: 'B-017',
} satisfies ApiPropertyOptions;

export const SLOT_TIME = {
  type: String,
  minLength: 5,
  maxLength: 5,
  pattern: QUEUE_FORMATS.slotTime.source,
  example: '09:00',
} satisfies ApiPropertyOptions;

export const DAY = {
  type: String,
  format: 'date',
  minLength: 10,
  maxLength: 10,
  pattern: QUEUE_FORMATS.day.source,
  example: '2026-03-17',
} satisfies ApiPropertyOptions;

export const NAME = { type: String, minLength: 1, maxLength: 100 } satisfies ApiPropertyOptions;

/** Room for a code typed with hyphens and spaces (`ANT-K7M3-9QX2-C`). */
export const TICKET_CODE_INPUT_MAX_LENGTH = 32;

/** The canonical code of a typed one (case, hyphens, spaces, I/L/O); a 400 if mistyped. */
export function ticketCodeFrom(raw: string): string {
  const code = raw.length <= TICKET_CODE_INPUT_MAX_LENGTH ? TICKET_CODES.normalize(raw) : null;
  if (!code) throw new DomainError('invalid_ticket_code', 400);
  return code;
}

export function mistypedTicketCode(instance: string): Record<string, ProblemExample> {
  return {
    mistypedCode: {
      summary: 'A ticket code typed wrong',
      error: new DomainError('invalid_ticket_code', 400),
      instance,
    },
  };
}

export const ApiTicketCodeParam = (description: string) =>
  ApiParam({
    name: 'code',
    description,
    schema: {
      type: 'string',
      minLength: 12,
      maxLength: TICKET_CODE_INPUT_MAX_LENGTH,
      pattern: '^[0-9A-Za-z -]+$',
    },
    examples: {
      canonical: { summary: 'As the slip or the booking gives it', value: 'ANTK7M39QX2C' },
      typed: { summary: 'As a person may type it', value: 'ant-k7m3-9qx2-c' },
    },
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sessionIdFrom(raw: string): string {
  if (!UUID.test(raw)) throw DomainError.validation([{ field: 'sessionId', code: 'invalid' }]);
  return raw.toLowerCase();
}

export const SESSION_ID_EXAMPLE = '0f4c2e8a-3b1d-4c6e-9a7f-5d2b1e0c9a84';

export const ApiSessionIdParam = () =>
  applyDecorators(
    ApiParam({
      name: 'sessionId',
      description: 'The counter session, as opening it answered',
      schema: { type: 'string', format: 'uuid', maxLength: 36 },
      example: SESSION_ID_EXAMPLE,
    }),
  );

/** Who does what on the floor; the queue service decides again on the agency and the record. */
export const FLOOR_MANAGERS = {
  officer: ['MALL_ADMIN', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;
export const KIOSKS = { client: ['queue:kiosk'] } as const satisfies CallerRule;
export const APPLICANTS = { applicant: true } as const satisfies CallerRule;
/** An agency's officers staff its counters. */
export const COUNTER_OFFICERS = {
  officer: ['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;
/** A session is read, acted on and closed by its officer, or by the agency's admin or the mall's. */
export const SESSION_USERS = {
  officer: ['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN', 'MALL_ADMIN'],
} as const satisfies CallerRule;
