import { Module } from '@nestjs/common';
import { OssDeliveriesController } from './oss-deliveries.controller';

@Module({ controllers: [OssDeliveriesController] })
export class OssDeliveriesModule {}
