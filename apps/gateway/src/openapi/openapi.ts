import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Problem } from './problem.schema';

/** OpenAPI 3 at /docs (UI) and /docs-json. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('SatuPintu API')
    .setDescription(
      'One front door for every channel of a Public Service Mall (Mal Pelayanan Publik). ' +
        'Errors are RFC 9457 application/problem+json, in Indonesian by default or English with ' +
        '`Accept-Language: en`. Every response carries `X-Request-Id`.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [Problem] });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
