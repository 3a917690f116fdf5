import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, currentContext } from '@satupintu/common';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access';
import { TIMELINE_READERS } from '../applications/applications.controller';
import { ApiTypedTrackingNo, trackingNoFromPath } from '../applications/tracking-number.param';
import { ApiProblemResponse } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { LiveEventsRequest, MAX_EVENT_ID, lastEventIdFrom } from './live-events.request';
import { ApiLiveStreamProblems } from './live-stream.openapi';
import { LiveStreams, RECONNECT_MS } from './live-streams';
import { TimelineFeed } from './timeline-feed';

const INSTANCE = '/v1/applications/K7M39QX2C/events';

const STREAM_EXAMPLE =
  `retry: ${RECONNECT_MS}\n\n` +
  'id: 1\nevent: status\ndata: {"sequence":1,"status":"VERIFYING","at":"2026-11-23T10:45:12.480+07:00","agencyCode":"DUKCAPIL"}\n\n' +
  ': heartbeat\n\n' +
  'id: 2\nevent: status\ndata: {"sequence":2,"status":"NEEDS_REVISION","at":"2026-11-24T09:02:40.113+07:00","agencyCode":"DUKCAPIL","reason":"Foto KTP tidak terbaca"}\n\n';

@ApiTags('applications')
@Controller('v1/applications')
export class LiveEventsController {
  constructor(
    private readonly streams: LiveStreams,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * Public to the guard: a lookup token stands in for a sign-in, and only tracking can check it.
   * Without either, 401 as on any route that needs a caller.
   */
  @Get(':trackingNo/events')
  @Public()
  @ApiOperation({
    operationId: 'streamApplicationEvents',
    summary: 'Follow an application live',
    description:
      'Server-sent events (`text/event-stream`): first every timeline entry after `Last-Event-ID` ' +
      '(all of them without it), then each new one as tracking records it. Each event is one entry: ' +
      '`id` is its sequence, `event` is `status`, `data` the entry as in the timeline. A client that ' +
      'reconnects with the last `id` it received (browsers do so by themselves) gets exactly the ' +
      'entries it missed, then live ones: none missing, none twice. A comment line (`: heartbeat`) ' +
      'comes every 15 seconds while nothing happens. Readable by those who may read the timeline; ' +
      'with `lookupToken` from the public lookup, by anyone holding it, without the reason and the ' +
      'payment of each entry. A case the caller may not read is answered 404, as a number nobody has. ' +
      `Each caller may hold a few streams open at once (429 past them).`,
    security: [...securityOf(TIMELINE_READERS), {}],
  })
  @ApiTypedTrackingNo(
    'The tracking number, canonical or as a person types it',
    { canonical: 'K7M39QX2C', typed: 'k7m3-9qx2-c' },
    '/v1/applications/K7M39QX2D/events',
  )
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The `id` of the last event the client received: only later ones are sent',
    schema: { type: 'integer', minimum: 0, maximum: MAX_EVENT_ID, example: 1 },
  })
  @ApiResponse({
    status: 200,
    description:
      'The stream, open until the client leaves, the lookup token expires or the gateway stops ' +
      '(reconnect with `Last-Event-ID`)',
    content: {
      'text/event-stream': {
        schema: { type: 'string', maxLength: 1_000_000 },
        examples: {
          officer: {
            summary: 'Resumed after entry 0, to an officer (a token holder sees no `reason`)',
            value: STREAM_EXAMPLE,
          },
        },
      },
    },
  })
  @ApiProblemResponse(401, 'Neither an access token nor a lookup token', {
    missing: {
      summary: 'No Authorization header and no lookupToken',
      error: new DomainError('unauthenticated', 401, [], {
        resource: 'GET /v1/applications/:trackingNo/events',
      }),
      instance: INSTANCE,
    },
  })
  @ApiProblemResponse(
    404,
    'No application has this number, or the caller (or token) may not read it',
    {
      notFound: {
        summary: 'Not the caller’s, a token for another case or expired, or nobody’s',
        error: new DomainError('application_not_found', 404, [], { trackingNo: 'K7M39QX2C' }),
        instance: INSTANCE,
      },
    },
  )
  @ApiLiveStreamProblems('tracking', INSTANCE)
  async events(
    @Param('trackingNo') raw: string,
    @Query() query: LiveEventsRequest,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const principal = currentContext()?.principal;
    if (!query.lookupToken && (!principal || principal.kind === 'anonymous'))
      throw new DomainError('unauthenticated', 401, [], {
        resource: `GET ${request.routeOptions.url ?? request.url}`,
      });
    const trackingNo = trackingNoFromPath(raw);
    const after = lastEventIdFrom(lastEventIdHeader) ?? query.lastEventId;
    const feed = new TimelineFeed(this.rpc, {
      trackingNo,
      ...(query.lookupToken ? { lookupToken: query.lookupToken } : {}),
    });
    await this.streams.open(request, reply, feed, after);
  }
}
