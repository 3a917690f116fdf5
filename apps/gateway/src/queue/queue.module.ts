import { Module } from '@nestjs/common';
import { CounterSessionsController } from './counter-sessions.controller';
import { FloorSetupController } from './floor-setup.controller';
import { TicketsController } from './tickets.controller';

/** The mall floor's REST face (ADR 0036): each route asks the queue service over NATS. */
@Module({ controllers: [FloorSetupController, TicketsController, CounterSessionsController] })
export class QueueModule {}
