import { Module } from '@nestjs/common';
import { PlainResponder } from '@satupintu/messaging';
import { LookupConsumers } from './lookup.consumers';
import { LookupRepository } from './lookup.repository';
import { LookupResponder } from './lookup.responder';

@Module({
  providers: [LookupRepository, LookupConsumers, LookupResponder, PlainResponder],
})
export class LookupModule {}
