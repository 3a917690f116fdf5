import { Module } from '@nestjs/common';
import { CaseNotifications } from './case-notifications';
import { CaseNotificationsRepository } from './case-notifications.repository';

/** Applicants told of the changes in their cases that need them (NotificationsModule's notifier). */
@Module({ providers: [CaseNotifications, CaseNotificationsRepository] })
export class CaseNotificationsModule {}
