import { Module } from '@nestjs/common';
import { ServedCasesModule } from '../served-cases/served-cases.module';
import { ServqualHandlers } from './servqual.handlers';
import { ServqualRepository } from './servqual.repository';

/** SERVQUAL responses and their gaps per service and period (ADR 0033). */
@Module({
  imports: [ServedCasesModule],
  controllers: [ServqualHandlers],
  providers: [ServqualRepository],
})
export class ServqualModule {}
