import { Module } from '@nestjs/common';
import { ComplaintSubjectsHandlers } from './complaint-subjects.handlers';
import { ComplaintSubjectsRepository } from './complaint-subjects.repository';

/** Which agency owns what a complaint is about, for the surveys service (ADR 0034). */
@Module({ controllers: [ComplaintSubjectsHandlers], providers: [ComplaintSubjectsRepository] })
export class ComplaintSubjectsModule {}
