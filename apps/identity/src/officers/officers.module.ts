import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { OfficersHandlers } from './officers.handlers';
import { OfficersRepository } from './officers.repository';

/** Agency and mall officers and their roles. */
@Module({
  imports: [AgenciesModule],
  controllers: [OfficersHandlers],
  providers: [OfficersRepository],
  exports: [OfficersRepository],
})
export class OfficersModule {}
