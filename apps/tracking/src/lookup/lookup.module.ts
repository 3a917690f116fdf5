import { Module } from '@nestjs/common';
import { LookupConsumers } from './lookup.consumers';
import { LookupHandlers } from './lookup.handlers';
import { LookupRepository } from './lookup.repository';

@Module({
  controllers: [LookupHandlers],
  providers: [LookupRepository, LookupConsumers],
})
export class LookupModule {}
