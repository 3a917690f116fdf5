import { Module } from '@nestjs/common';
import { FollowUpPlansController } from './follow-up-plans.controller';

@Module({ controllers: [FollowUpPlansController] })
export class FollowUpModule {}
