import { Module } from '@nestjs/common';
import { ApplicantsConsumer } from './applicants.consumer';

@Module({ providers: [ApplicantsConsumer] })
export class ApplicantsModule {}
