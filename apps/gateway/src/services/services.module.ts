import { Module } from '@nestjs/common';
import { ServiceStandardsController } from './service-standards.controller';
import { ServicesController } from './services.controller';

/** The catalog (intake answers) and the standards agencies publish (each agency answers). */
@Module({ controllers: [ServicesController, ServiceStandardsController] })
export class ServicesModule {}
