import { type DynamicModule, Module } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { LiveEventsController } from './live-events.controller';
import { LIVE_STREAM_SETTINGS, LiveStreams, type LiveStreamSettings } from './live-streams';

/** Live streams as server-sent events (ADR 0024): timelines here, the display feed beside. */
@Module({})
export class LiveModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const settings: LiveStreamSettings = {
      heartbeatMs: config.LIVE_HEARTBEAT_MS,
      maxStreams: config.LIVE_STREAMS_MAX,
      maxStreamsPerCaller: config.LIVE_STREAMS_PER_CALLER,
    };
    return {
      module: LiveModule,
      controllers: [LiveEventsController],
      providers: [{ provide: LIVE_STREAM_SETTINGS, useValue: settings }, LiveStreams],
      // The display feed streams with the same machinery and within the same bounds.
      exports: [LiveStreams],
      global: true,
    };
  }
}
