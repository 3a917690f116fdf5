import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import {
  type CaseUpdateMessage,
  type CodeMessage,
  type ComplaintUpdateMessage,
  type Notifier,
  codeForLog,
  maskTarget,
} from './notifier';

export const REVEAL_CODES = Symbol('REVEAL_CODES');

/**
 * Writes the message to the log instead of sending it: the development notifier. The code is
 * in the line only when `NODE_ENV=development`; anywhere else it is masked, so a deployment
 * without a real gateway can never leak a code through its logs.
 */
@Injectable()
export class LogNotifier implements Notifier {
  constructor(
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Inject(REVEAL_CODES) private readonly revealCodes: boolean,
  ) {}

  sendCode(message: CodeMessage): void {
    this.logger.warn(
      {
        channel: message.channel,
        to: maskTarget(message.channel, message.target),
        code: codeForLog(message.code, this.revealCodes),
      },
      this.revealCodes
        ? 'verification code (development notifier: nothing is sent)'
        : 'verification code not sent: no notifier is configured',
    );
  }

  /**
   * A case update carries no secret (the payment code is paid against, not logged in with), so
   * the line has its text: what an adapter would have sent, for development and the tests.
   */
  sendCaseUpdate(message: CaseUpdateMessage): Promise<void> {
    this.logger.info(
      {
        messageId: message.messageId,
        channel: message.channel,
        to: maskTarget(message.channel, message.target),
        language: message.language,
        kind: message.kind,
        trackingNo: message.trackingNo,
        subject: message.subject,
        text: message.text,
      },
      'case update (log notifier: nothing is sent)',
    );
    return Promise.resolve();
  }

  /** Like a case update: no secret, so the line has the text. */
  sendComplaintUpdate(message: ComplaintUpdateMessage): Promise<void> {
    this.logger.info(
      {
        messageId: message.messageId,
        channel: message.channel,
        to: maskTarget(message.channel, message.target),
        language: message.language,
        step: message.step,
        complaintNo: message.complaintNo,
        subject: message.subject,
        text: message.text,
      },
      'complaint update (log notifier: nothing is sent)',
    );
    return Promise.resolve();
  }
}
