import { Module } from '@nestjs/common';
import { ServedCasesConsumers } from './served-cases.consumers';
import { ServedCasesRepository } from './served-cases.repository';

@Module({
  providers: [ServedCasesConsumers, ServedCasesRepository],
  exports: [ServedCasesRepository],
})
export class ServedCasesModule {}
