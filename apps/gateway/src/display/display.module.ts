import { Module } from '@nestjs/common';
import { DisplayController } from './display.controller';

/** The mall's display feed (ADR 0037), streamed by the live machinery of ADR 0024. */
@Module({ controllers: [DisplayController] })
export class DisplayModule {}
