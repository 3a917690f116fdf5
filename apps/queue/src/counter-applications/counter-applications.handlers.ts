import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import { GetServedTicket, GetServedTicketV1, type ServedTicketV1 } from '@satupintu/contracts';
import { formatTicketNumber } from '@satupintu/domain';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { CounterApplicationsRepository } from './counter-applications.repository';

/**
 * Intake's question while a front-desk officer submits at the counter (ADR 0037), asked as that
 * officer: the ticket they name must be the one called to their open session now.
 */
@Controller()
export class CounterApplicationsHandlers {
  constructor(private readonly repository: CounterApplicationsRepository) {}

  @HandleRequest(GetServedTicket)
  async served(
    @Payload() { ticketCode }: GetServedTicketV1,
    @Caller() caller: RequestContext,
  ): Promise<ServedTicketV1> {
    const { principal } = caller;
    const row =
      principal.kind === 'officer' && principal.subject
        ? await this.repository.servedBy(principal.subject, ticketCode)
        : undefined;
    if (!row)
      throw DomainError.validation(
        [{ field: 'queueTicket', code: 'queue_ticket_not_at_counter' }],
        422,
      );
    return {
      ticketCode: row.ticketCode,
      ticketNo: formatTicketNumber(row.line, row.number),
      counterCode: row.counterCode,
      serviceCode: row.serviceCode,
      agencyCode: row.agencyCode,
    };
  }
}
