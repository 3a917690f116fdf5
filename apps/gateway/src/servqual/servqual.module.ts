import { Module } from '@nestjs/common';
import { ServqualController } from './servqual.controller';

@Module({ controllers: [ServqualController] })
export class ServqualModule {}
