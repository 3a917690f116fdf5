import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  ListDeadlineAlerts,
  ListDeadlineAlertsV1,
  type DeadlineAlertsPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { alertQueryOf, alertsPage, requireAlertReader } from './deadline-alerts';
import { DeadlineAlertsRepository } from './deadline-alerts.repository';

@Controller()
export class DeadlineAlertsHandlers {
  constructor(private readonly alerts: DeadlineAlertsRepository) {}

  @HandleRequest(ListDeadlineAlerts)
  async list(
    @Payload() request: ListDeadlineAlertsV1,
    @Caller() caller: RequestContext,
  ): Promise<DeadlineAlertsPageV1> {
    requireAlertReader(caller.principal, request.agencyCode);
    const rows = await this.alerts.list(alertQueryOf(request));
    return alertsPage(rows, request.limit);
  }
}
