import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  ActOnCalledTicket,
  ActOnCalledTicketV1,
  CallNextTicket,
  CloseCounterSession,
  CounterSessionIdV1,
  GetCounterSession,
  OpenCounterSession,
  OpenCounterSessionV1,
  type CounterSessionV1,
  type TicketV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { CounterSessionsService } from './counter-sessions.service';

/** A session named by id, for the requests that change it. */
function sessionIdOf(request: CounterSessionIdV1): string {
  if (!request.sessionId) throw DomainError.validation([{ field: 'sessionId', code: 'required' }]);
  return request.sessionId;
}

@Controller()
export class CounterSessionsHandlers {
  constructor(private readonly sessions: CounterSessionsService) {}

  @HandleRequest(OpenCounterSession)
  open(
    @Payload() request: OpenCounterSessionV1,
    @Caller() caller: RequestContext,
  ): Promise<CounterSessionV1> {
    return this.sessions.open(request, caller);
  }

  @HandleRequest(GetCounterSession)
  get(
    @Payload() request: CounterSessionIdV1,
    @Caller() caller: RequestContext,
  ): Promise<CounterSessionV1> {
    return this.sessions.get(request, caller);
  }

  @HandleRequest(CloseCounterSession)
  close(
    @Payload() request: CounterSessionIdV1,
    @Caller() caller: RequestContext,
  ): Promise<CounterSessionV1> {
    return this.sessions.close(sessionIdOf(request), caller);
  }

  @HandleRequest(CallNextTicket)
  callNext(
    @Payload() request: CounterSessionIdV1,
    @Caller() caller: RequestContext,
  ): Promise<TicketV1> {
    return this.sessions.callNext(sessionIdOf(request), caller);
  }

  @HandleRequest(ActOnCalledTicket)
  act(
    @Payload() request: ActOnCalledTicketV1,
    @Caller() caller: RequestContext,
  ): Promise<TicketV1> {
    return this.sessions.act(request.sessionId, request.action, caller);
  }
}
