import { type DynamicModule, Module } from '@nestjs/common';
import { BusinessSync } from './business-sync';
import { InboundHandlers } from './inbound.handlers';
import { InboundRepository } from './inbound.repository';
import { OSS_INBOUND_SETTINGS, type OssInboundSettings } from './oss-inbound.settings';
import { PermitOpening } from './permit-opening';

/** receiveNIB and receiveFileDS (issue 10): what OSS sends, recorded and turned into applications. */
@Module({})
export class InboundModule {
  static forRoot(settings: OssInboundSettings): DynamicModule {
    return {
      module: InboundModule,
      controllers: [InboundHandlers],
      providers: [
        InboundRepository,
        PermitOpening,
        BusinessSync,
        { provide: OSS_INBOUND_SETTINGS, useValue: settings },
      ],
    };
  }
}
