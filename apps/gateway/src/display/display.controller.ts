import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access';
import { LastEventIdQuery, MAX_EVENT_ID, lastEventIdFrom } from '../live/live-events.request';
import { ApiLiveStreamProblems } from '../live/live-stream.openapi';
import { LiveStreams, RECONNECT_MS } from '../live/live-streams';
import { ApiProblemResponse } from '../openapi/problem.responses';
import { FloorFeed } from './floor-feed';

const INSTANCE = '/v1/queue/display/events';

const STREAM_EXAMPLE =
  `retry: ${RECONNECT_MS}\n\n` +
  'id: 41\nevent: called\ndata: {"sequence":41,"kind":"CALLED","ticketNo":"B-017","line":"B","agencyCode":"DUKCAPIL","counterCode":"3","counterName":"Loket 3 Dukcapil","at":"2026-11-23T10:45:12.480+07:00"}\n\n' +
  ': heartbeat\n\n' +
  'id: 42\nevent: served\ndata: {"sequence":42,"kind":"SERVED","ticketNo":"B-017","line":"B","agencyCode":"DUKCAPIL","counterCode":"3","counterName":"Loket 3 Dukcapil","at":"2026-11-23T10:52:03.017+07:00"}\n\n';

@ApiTags('queue')
@Controller('v1/queue/display')
export class DisplayController {
  constructor(
    private readonly streams: LiveStreams,
    private readonly rpc: RpcClient,
  ) {}

  @Get('events')
  @Public()
  @ApiOperation({
    operationId: 'streamDisplayEvents',
    summary: "Follow the mall floor's calls (display screens)",
    description:
      'Server-sent events (`text/event-stream`) for the display screens of the mall: every call, ' +
      'recall, served and no-show at every counter, in the order they happened. Each event: `id` ' +
      'is its place in that order, `event` is `called`, `recalled`, `served` or `no_show`, and ' +
      '`data` the ticket number, its line and agency, the counter (code and name) and the time: ' +
      'no personal data. Without `Last-Event-ID` the stream starts with the latest 50 events of ' +
      "the mall's day, then each new one; a client that reconnects with the last `id` it received " +
      '(browsers do so by themselves) gets exactly the events it missed, then live ones: none ' +
      'missing, none twice. A comment line (`: heartbeat`) comes every 15 seconds while nothing ' +
      'happens. Anyone may read it; each caller (or address) may hold a few streams open at once ' +
      '(429 past them).',
    security: [],
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The `id` of the last event the display received: only later ones are sent',
    schema: { type: 'integer', minimum: 0, maximum: MAX_EVENT_ID, example: 40 },
  })
  @ApiResponse({
    status: 200,
    description:
      'The stream, open until the client leaves or the gateway stops (reconnect with `Last-Event-ID`)',
    content: {
      'text/event-stream': {
        schema: { type: 'string', maxLength: 1_000_000 },
        examples: {
          resumed: { summary: 'Resumed after event 40', value: STREAM_EXAMPLE },
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A Last-Event-ID (or lastEventId) that is not an event id', {
    lastEventId: {
      summary: 'Not a whole number',
      error: DomainError.validation([
        {
          field: 'Last-Event-ID',
          code: 'must_be_integer_between',
          params: { min: 0, max: MAX_EVENT_ID },
        },
      ]),
      instance: INSTANCE,
    },
  })
  @ApiLiveStreamProblems('queue', INSTANCE)
  async events(
    @Query() query: LastEventIdQuery,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const after = lastEventIdFrom(lastEventIdHeader) ?? query.lastEventId;
    await this.streams.open(request, reply, new FloorFeed(this.rpc), after);
  }
}
