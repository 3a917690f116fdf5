import { ConfigError, baseEnv, loadConfig } from '@satupintu/common';
import { isTimeZone } from '@satupintu/domain';
import { num, port, str } from 'envalid';

export function loadQueueConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3006 }),
      MALL_TIME_ZONE: str({
        default: 'Asia/Jakarta',
        desc: "IANA time zone of the mall: a ticket's day and its numbering, booking days and slots are its local days and hours",
      }),
      QUEUE_BOOKING_HORIZON_DAYS: num({
        default: 30,
        desc: 'how many days ahead a visit can be booked (1 to 366; today counts as day 0)',
      }),
      QUEUE_DEFAULT_SERVICE_MINUTES: num({
        default: 10,
        desc: 'minutes one visitor is assumed to take at a counter while a line has no served ticket to measure (1 to 240)',
      }),
      QUEUE_SESSION_SWEEP_MS: num({
        default: 60_000,
        desc: "milliseconds between two looks for counter sessions left open past the end of the mall's day, which are closed (100 to 3600000)",
      }),
    },
    env,
  );
  if (!isTimeZone(config.MALL_TIME_ZONE))
    throw new ConfigError(`MALL_TIME_ZONE is not an IANA time zone: ${config.MALL_TIME_ZONE}`);
  if (!(
    Number.isInteger(config.QUEUE_BOOKING_HORIZON_DAYS) &&
    config.QUEUE_BOOKING_HORIZON_DAYS >= 1 &&
    config.QUEUE_BOOKING_HORIZON_DAYS <= 366
  ))
    throw new ConfigError('QUEUE_BOOKING_HORIZON_DAYS must be a whole number from 1 to 366');
  if (!(config.QUEUE_DEFAULT_SERVICE_MINUTES >= 1 && config.QUEUE_DEFAULT_SERVICE_MINUTES <= 240))
    throw new ConfigError('QUEUE_DEFAULT_SERVICE_MINUTES must be from 1 to 240');
  if (!(config.QUEUE_SESSION_SWEEP_MS >= 100 && config.QUEUE_SESSION_SWEEP_MS <= 3_600_000))
    throw new ConfigError('QUEUE_SESSION_SWEEP_MS must be between 100 and 3600000');
  return config;
}

export type QueueConfig = ReturnType<typeof loadQueueConfig>;
