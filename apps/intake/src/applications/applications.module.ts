import { Module } from '@nestjs/common';
import { ApplicationsHandlers } from './applications.handlers';
import { ApplicationsRepository } from './applications.repository';
import { regionsProvider } from './regions.provider';

@Module({
  controllers: [ApplicationsHandlers],
  providers: [ApplicationsRepository, regionsProvider],
})
export class ApplicationsModule {}
