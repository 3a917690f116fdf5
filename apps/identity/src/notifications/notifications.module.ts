import { type DynamicModule, Module } from '@nestjs/common';
import { LogNotifier, REVEAL_CODES } from './log-notifier';
import { NOTIFIER } from './notifier';

/** How identity reaches applicants (today: the log, codes shown only in development). */
@Module({})
export class NotificationsModule {
  static forRoot(options: { development: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: [
        { provide: REVEAL_CODES, useValue: options.development },
        { provide: NOTIFIER, useClass: LogNotifier },
      ],
      exports: [NOTIFIER],
    };
  }
}
