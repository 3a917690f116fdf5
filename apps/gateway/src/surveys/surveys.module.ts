import { Module } from '@nestjs/common';
import { SkmController } from './skm.controller';

@Module({ controllers: [SkmController] })
export class SurveysModule {}
