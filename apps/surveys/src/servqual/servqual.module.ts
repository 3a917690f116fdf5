import { Module } from '@nestjs/common';
import { ServqualHandlers } from './servqual.handlers';
import { ServqualRepository } from './servqual.repository';

/** SERVQUAL responses and their gaps per service and period (ADR 0033). */
@Module({ controllers: [ServqualHandlers], providers: [ServqualRepository] })
export class ServqualModule {}
