import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  ActOnCalledTicket,
  CallNextTicket,
  CloseCounterSession,
  GetCounterSession,
  OpenCounterSession,
  QUEUE_FORMATS,
  type CalledTicketAction,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { Callers } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import {
  ApiProblemResponse,
  ApiUpstreamProblems,
  type ProblemExample,
} from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import {
  ApiSessionIdParam,
  COUNTER_CODE,
  COUNTER_OFFICERS,
  SESSION_ID_EXAMPLE,
  SESSION_USERS,
  sessionIdFrom,
} from './queue-formats';
import { CALLED_EXAMPLE, SESSION_EXAMPLE } from './queue.examples';
import { OpenCounterSessionRequest, toOpenCounterSessionV1 } from './queue.requests';
import {
  CounterSessionResponse,
  TicketResponse,
  toCounterSessionResponse,
  toTicketResponse,
} from './queue.responses';

const SESSIONS = '/v1/queue/sessions';
const ONE = `${SESSIONS}/${SESSION_ID_EXAMPLE}`;

const badSessionId = (instance: string): Record<string, ProblemExample> => ({
  sessionId: {
    summary: 'A session id that is no UUID',
    error: DomainError.validation([{ field: 'sessionId', code: 'invalid' }]),
    instance: instance.replace(SESSION_ID_EXAMPLE, 'nope'),
  },
});
const sessionNotFound = (instance: string) => ({
  notFound: {
    summary: 'A session nobody has, or one the caller may not use',
    error: new DomainError('queue_session_not_found', 404, [], { sessionId: SESSION_ID_EXAMPLE }),
    instance,
  },
});
const closed = (instance: string) => ({
  closed: {
    summary: 'A closed session',
    error: new DomainError('queue_session_closed', 409, [], { sessionId: SESSION_ID_EXAMPLE }),
    instance,
  },
});
const inService = (instance: string) => ({
  inService: {
    summary: 'B-021 is still at the counter',
    error: new DomainError('queue_ticket_in_service', 409, [], { ticketNo: 'B-021' }),
    instance,
  },
});

/** What the officer does with the ticket at the counter: its path, words and answer. */
const ACTIONS: Record<
  CalledTicketAction,
  { operationId: string; summary: string; description: string }
> = {
  RECALL: {
    operationId: 'recallTicket',
    summary: 'Call the ticket at the counter again',
    description:
      'The visitor did not come yet: the number is shown and called again (`calls` grows by ' +
      'one), as a new entry of the floor’s ordered record and a `TicketCalled` event.',
  },
  SERVED: {
    operationId: 'markTicketServed',
    summary: 'Mark the ticket at the counter served',
    description:
      'The visitor was served: the ticket is done (`servedAt`), its service time counted from ' +
      'its latest call, and the counter may call the next.',
  },
  NO_SHOW: {
    operationId: 'markTicketNoShow',
    summary: 'Mark the ticket at the counter a no-show',
    description:
      'The visitor did not come after being called: the ticket is done (`noShowAt`), and the ' +
      'counter may call the next.',
  },
};

function ApiTicketAction(action: CalledTicketAction, path: string) {
  const { operationId, summary, description } = ACTIONS[action];
  const instance = `${ONE}/${path}`;
  return applyDecorators(
    HttpCode(200),
    Callers(SESSION_USERS),
    ApiOperation({
      operationId,
      summary,
      description:
        `${description} By the session’s officer, or the admin of its agency or of the mall ` +
        '(to clear a counter left behind). Each change is recorded once in the floor’s ' +
        'gap-free sequence and published (`queue.ticket.called.v1`, `queue.ticket.closed.v1`). ' +
        'Not a creation, so no `Idempotency-Key`: a repeat finds no ticket called (409).',
      security: securityOf(SESSION_USERS),
    }),
    ApiSessionIdParam(),
    ApiOkResponse({
      description: 'The ticket after the change',
      type: TicketResponse,
      examples: {
        done: {
          summary: summary,
          value:
            action === 'RECALL'
              ? { ...CALLED_EXAMPLE, calls: 2, calledAt: '2026-03-17T09:02:10.004+07:00' }
              : action === 'SERVED'
                ? { ...CALLED_EXAMPLE, status: 'SERVED', servedAt: '2026-03-17T09:11:47.350+07:00' }
                : {
                    ...CALLED_EXAMPLE,
                    status: 'NO_SHOW',
                    noShowAt: '2026-03-17T09:05:12.781+07:00',
                  },
        },
      },
    }),
    ApiProblemResponse(400, 'A session id that is no UUID', badSessionId(instance)),
    ApiProblemResponse(404, 'No session the caller may use', sessionNotFound(instance)),
    ApiProblemResponse(409, 'No ticket is called to the counter, or the session is closed', {
      noTicket: {
        summary: 'Nothing called',
        error: new DomainError('queue_no_ticket_called', 409),
        instance,
      },
      ...closed(instance),
    }),
    ApiUpstreamProblems('queue', instance),
  );
}

/**
 * Counter sessions (ADR 0036): an officer opens one at a counter of their agency for some of
 * its services, calls the next ticket, recalls it, marks it served or no-show, and closes it.
 */
@ApiTags('queue')
@Controller('v1/queue')
export class CounterSessionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('sessions')
  @HttpCode(201)
  @Callers(COUNTER_OFFICERS)
  @ApiOperation({
    operationId: 'openCounterSession',
    summary: 'Open a session at a counter',
    description:
      'An officer of the counter’s agency opens a session there for some of the agency’s ' +
      'services (each on a service line): the tickets the session calls. One open session per ' +
      'counter, and per officer. Send an `Idempotency-Key`: a retry opens no second session.',
    security: securityOf(COUNTER_OFFICERS),
  })
  @ApiBody({
    type: OpenCounterSessionRequest,
    examples: {
      open: {
        summary: 'Counter 3, for two Dukcapil services',
        value: { counterCode: '3', serviceCodes: ['DUKCAPIL-KK', 'DUKCAPIL-AKTA-LAHIR'] },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'The session, open',
    type: CounterSessionResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      opened: {
        summary: 'Counter 3',
        value: { ...SESSION_EXAMPLE, current: undefined },
      },
    },
  })
  @ApiBodyProblems(
    SESSIONS,
    DomainError.validation([{ field: 'counterCode', code: 'counter_code_format' }]),
    'A malformed counter code',
    invalidIdempotencyKeyExample(SESSIONS),
  )
  @ApiProblemResponse(403, "Not an officer of the counter's agency", {
    otherAgency: {
      summary: 'A PUPR officer at a Dukcapil counter',
      error: new DomainError('forbidden', 403, [], { resource: 'counters of DUKCAPIL' }),
      instance: SESSIONS,
    },
  })
  @ApiProblemResponse(404, 'No such counter', {
    counter: {
      summary: 'Counter 99',
      error: new DomainError('queue_counter_not_found', 404, [], { counterCode: '99' }),
      instance: SESSIONS,
    },
  })
  @ApiIdempotencyKey(SESSIONS, {
    409: {
      description:
        'The counter has an open session, the officer has one elsewhere, or the counter is not in use',
      examples: {
        busy: {
          summary: 'Someone is at counter 3',
          error: new DomainError('queue_counter_busy', 409, [], { counterCode: '3' }),
          instance: SESSIONS,
        },
        elsewhere: {
          summary: 'The officer is at counter 4',
          error: new DomainError('queue_officer_busy', 409, [], { counterCode: '4' }),
          instance: SESSIONS,
        },
      },
    },
    422: {
      description: 'A service on no line, or of another agency',
      examples: {
        noLine: {
          summary: 'A service no line numbers',
          error: DomainError.validation(
            [{ field: 'serviceCodes.0', code: 'service_not_in_line' }],
            422,
          ),
          instance: SESSIONS,
        },
      },
    },
  })
  @ApiUpstreamProblems('queue', SESSIONS)
  async open(@Body() body: OpenCounterSessionRequest): Promise<CounterSessionResponse> {
    return toCounterSessionResponse(
      await this.rpc.request(OpenCounterSession, toOpenCounterSessionV1(body)),
    );
  }

  @Get('sessions/current')
  @Callers(COUNTER_OFFICERS)
  @ApiOperation({
    operationId: 'getMyCounterSession',
    summary: 'My open counter session',
    description:
      'The calling officer’s open session, with the ticket called to its counter: how a counter ' +
      'screen finds its session again after a reload.',
    security: securityOf(COUNTER_OFFICERS),
  })
  @ApiOkResponse({
    description: 'The session',
    type: CounterSessionResponse,
    examples: { open: { summary: 'B-021 at the counter', value: SESSION_EXAMPLE } },
  })
  @ApiProblemResponse(404, 'The officer has no session open', {
    none: {
      summary: 'No session open',
      error: new DomainError('queue_no_open_session', 404),
      instance: `${SESSIONS}/current`,
    },
  })
  @ApiUpstreamProblems('queue', `${SESSIONS}/current`)
  async mine(): Promise<CounterSessionResponse> {
    return toCounterSessionResponse(await this.rpc.request(GetCounterSession, {}));
  }

  @Get('counters/:counterCode/session')
  @Callers(SESSION_USERS)
  @ApiOperation({
    operationId: 'getCounterSession',
    summary: 'The session open at a counter',
    description:
      'The session open at the counter, with the ticket called to it: for its officer, and for ' +
      'the admin of its agency or of the mall (who may act on it and close it). To anyone else, ' +
      'as if none were open.',
    security: securityOf(SESSION_USERS),
  })
  @ApiParam({
    name: 'counterCode',
    description: 'The counter’s code',
    schema: { type: 'string', minLength: 1, maxLength: 8, pattern: COUNTER_CODE.pattern },
    example: '3',
  })
  @ApiOkResponse({
    description: 'The session',
    type: CounterSessionResponse,
    examples: { open: { summary: 'B-021 at the counter', value: SESSION_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A malformed counter code', {
    code: {
      summary: 'A code with a dot',
      error: DomainError.validation([{ field: 'counterCode', code: 'counter_code_format' }]),
      instance: '/v1/queue/counters/3.1/session',
    },
  })
  @ApiProblemResponse(404, 'No session is open there (that the caller may see)', {
    none: {
      summary: 'Nobody at counter 3',
      error: new DomainError('queue_no_open_session', 404),
      instance: '/v1/queue/counters/3/session',
    },
  })
  @ApiUpstreamProblems('queue', '/v1/queue/counters/3/session')
  async atCounter(@Param('counterCode') counterCode: string): Promise<CounterSessionResponse> {
    if (!QUEUE_FORMATS.counterCode.test(counterCode))
      throw DomainError.validation([{ field: 'counterCode', code: 'counter_code_format' }]);
    return toCounterSessionResponse(await this.rpc.request(GetCounterSession, { counterCode }));
  }

  @Post('sessions/:sessionId/close')
  @HttpCode(200)
  @Callers(SESSION_USERS)
  @ApiOperation({
    operationId: 'closeCounterSession',
    summary: 'Close a counter session',
    description:
      'Its officer, or the admin of its agency or of the mall, closes the session; the counter ' +
      'is free for another. A ticket still called to it must be marked served or no-show first.',
    security: securityOf(SESSION_USERS),
  })
  @ApiSessionIdParam()
  @ApiOkResponse({
    description: 'The session, closed',
    type: CounterSessionResponse,
    examples: {
      closed: {
        summary: 'Closed at noon',
        value: {
          ...SESSION_EXAMPLE,
          current: undefined,
          closedAt: '2026-03-17T12:00:31.120+07:00',
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A session id that is no UUID', badSessionId(`${ONE}/close`))
  @ApiProblemResponse(404, 'No session the caller may use', sessionNotFound(`${ONE}/close`))
  @ApiProblemResponse(409, 'A ticket is still at the counter, or the session is closed', {
    ...inService(`${ONE}/close`),
    ...closed(`${ONE}/close`),
  })
  @ApiUpstreamProblems('queue', `${ONE}/close`)
  async close(@Param('sessionId') sessionId: string): Promise<CounterSessionResponse> {
    return toCounterSessionResponse(
      await this.rpc.request(CloseCounterSession, { sessionId: sessionIdFrom(sessionId) }),
    );
  }

  @Post('sessions/:sessionId/calls')
  @HttpCode(201)
  @Callers(COUNTER_OFFICERS)
  @ApiOperation({
    operationId: 'callNextTicket',
    summary: 'Call the next ticket to the counter',
    description:
      'The session’s officer calls the next waiting ticket of the day for the session’s ' +
      'services: booked visitors whose slot has started (and who checked in by its end) before ' +
      'anyone else, then in check-in order. The ticket is chosen and taken in one statement, so ' +
      'two officers calling at once never get the same one. A ticket still at the counter must ' +
      'be finished first. The call is recorded in the floor’s gap-free sequence and published ' +
      '(`queue.ticket.called.v1`). Send an `Idempotency-Key`: a retry after a lost answer gets ' +
      'the same ticket instead of calling another.',
    security: securityOf(COUNTER_OFFICERS),
  })
  @ApiSessionIdParam()
  @ApiResponse({
    status: 201,
    description: 'The ticket, called to the counter',
    type: TicketResponse,
    headers: REPLAYED_HEADERS,
    examples: { called: { summary: 'B-021 to counter 3', value: CALLED_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A session id that is no UUID, or a malformed Idempotency-Key', {
    ...badSessionId(`${ONE}/calls`),
    ...invalidIdempotencyKeyExample(`${ONE}/calls`),
  })
  @ApiProblemResponse(403, 'Not the session’s own officer', {
    admin: {
      summary: 'The agency admin, calling at another officer’s counter',
      error: new DomainError('forbidden', 403, [], {
        resource: `calls of session ${SESSION_ID_EXAMPLE}`,
      }),
      instance: `${ONE}/calls`,
    },
  })
  @ApiProblemResponse(404, 'No session the caller may use', sessionNotFound(`${ONE}/calls`))
  @ApiIdempotencyKey(`${ONE}/calls`, {
    409: {
      description: 'Nobody waits, a ticket is still at the counter, or the session is closed',
      examples: {
        nobody: {
          summary: 'Nobody waiting',
          error: new DomainError('queue_nothing_waiting', 409),
          instance: `${ONE}/calls`,
        },
        ...inService(`${ONE}/calls`),
      },
    },
  })
  @ApiUpstreamProblems('queue', `${ONE}/calls`)
  async callNext(@Param('sessionId') sessionId: string): Promise<TicketResponse> {
    return toTicketResponse(
      await this.rpc.request(CallNextTicket, { sessionId: sessionIdFrom(sessionId) }),
    );
  }

  @Post('sessions/:sessionId/recall')
  @ApiTicketAction('RECALL', 'recall')
  recall(@Param('sessionId') sessionId: string): Promise<TicketResponse> {
    return this.act(sessionId, 'RECALL');
  }

  @Post('sessions/:sessionId/served')
  @ApiTicketAction('SERVED', 'served')
  served(@Param('sessionId') sessionId: string): Promise<TicketResponse> {
    return this.act(sessionId, 'SERVED');
  }

  @Post('sessions/:sessionId/no-show')
  @ApiTicketAction('NO_SHOW', 'no-show')
  noShow(@Param('sessionId') sessionId: string): Promise<TicketResponse> {
    return this.act(sessionId, 'NO_SHOW');
  }

  private async act(sessionId: string, action: CalledTicketAction): Promise<TicketResponse> {
    return toTicketResponse(
      await this.rpc.request(ActOnCalledTicket, { sessionId: sessionIdFrom(sessionId), action }),
    );
  }
}
