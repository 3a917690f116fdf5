import { Module } from '@nestjs/common';
import { DisplayHandlers } from './display.handlers';
import { FloorEventsRepository } from './floor-events.repository';

/** The display screens' replay of the floor events (ADR 0037); the gateway streams them. */
@Module({ controllers: [DisplayHandlers], providers: [FloorEventsRepository] })
export class DisplayModule {}
