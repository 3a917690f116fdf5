import { Module } from '@nestjs/common';
import { FiguresHandlers } from './figures.handlers';
import { FloorFiguresRepository } from './floor-figures.repository';

/** The floor's figures for the dashboards (ADR 0037). */
@Module({ controllers: [FiguresHandlers], providers: [FloorFiguresRepository] })
export class FiguresModule {}
