import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { REQUEST_ID_PATTERN } from '@satupintu/common';
import { type GatewayConfig, loadGatewayConfig } from '../config';
import { GatewayModule } from '../gateway.module';
import { addAccessAnswers } from './access-answers';
import { Problem } from './problem.schema';
import {
  OSS_TAG,
  OSS_TAG_DESCRIPTION,
  OSS_TOKEN_SCHEME,
  OSS_TOKEN_SCHEME_OBJECT,
} from '../oss/oss.openapi';
import { BEARER_SCHEME, CLIENT_SCOPES, OAUTH2_SCHEME } from './security';

type DocumentConfig = Pick<GatewayConfig, 'PUBLIC_URL'>;

const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * The gateway's OpenAPI document, from the controllers of `app`. `/docs-json` serves it and the
 * build writes it to docs/openapi.json, both through this function, so they cannot differ but
 * in `servers` (`PUBLIC_URL`).
 *
 * Per-operation facts (summary, bodies, answers, examples, security) are decorators on the
 * controllers. What the gateway does for every request (request ids, languages, refusing unknown
 * fields) is added here, once, as it is implemented once in `startServiceApp`.
 */
export function createOpenApiDocument(
  app: INestApplication,
  config: DocumentConfig,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('SatuPintu API')
    .setDescription(
      'One front door for every channel of a Public Service Mall (Mal Pelayanan Publik). ' +
        'Errors are RFC 9457 `application/problem+json`, in Indonesian by default or English with ' +
        '`Accept-Language: en`. Every response carries `X-Request-Id`.\n\n' +
        'Callers authenticate with an access token (a JWT, RFC 9068) in `Authorization: Bearer`: ' +
        'people get one from `POST /v1/auth/login`, API clients (agency systems, kiosks, the national ' +
        'portal) from `POST /v1/oauth/token` with their client credentials. Anyone can verify a token ' +
        'with the public keys at `GET /v1/.well-known/jwks.json`. Each operation states who may call it ' +
        '(`security`; `[]` for a public one): without a token it answers 401 with a Bearer challenge, ' +
        'to a caller it does not serve 403. Every caller has a rate limit per window (by IP when ' +
        'anonymous): answers carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`, and ' +
        'a refusal is 429 with `Retry-After`.',
    )
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer(config.PUBLIC_URL, 'This gateway (`PUBLIC_URL`)')
    .addTag('applications', 'Submit applications and follow them across agencies')
    .addTag('agencies', 'What each agency at the mall works on, asked of its own deployment')
    .addTag(
      'tracking',
      "Where cases stand across agencies: an applicant's own cases and bundles and what is expected of them, an agency's cases against their deadlines",
    )
    .addTag(
      'services',
      "The mall's catalog: every agency's services and their standards (requirements, time limit, fee, output)",
    )
    .addTag(
      'payments',
      'Fees paid at a bank or payment gateway: its signed callbacks to the agency that asked',
    )
    .addTag(
      'dashboards',
      'Service performance for mall and agency admins: volume, completion times, standards kept',
    )
    .addTag('applicants', 'Citizens: registration, their own profile, verifying phone and e-mail')
    .addTag('businesses', 'Businesses (by NIB) their owners register, and who acts for them')
    .addTag('officers', 'Agency and mall officers and their roles')
    .addTag('clients', 'API clients: agency systems, kiosks, the national portal')
    .addTag(OSS_TAG, OSS_TAG_DESCRIPTION)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'For people (applicants, officers): the access token from `POST /v1/auth/login`, valid 15 minutes.',
      },
      BEARER_SCHEME,
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'For API clients (agency systems, kiosks, the national portal): RFC 6749 §4.4 client credentials ' +
          'at `POST /v1/oauth/token`; the token is then sent as `Authorization: Bearer`.',
        flows: {
          clientCredentials: {
            tokenUrl: `${config.PUBLIC_URL}/v1/oauth/token`,
            scopes: CLIENT_SCOPES,
          },
        },
      },
      OAUTH2_SCHEME,
    )
    .addSecurity(OSS_TOKEN_SCHEME, OSS_TOKEN_SCHEME_OBJECT)
    .addGlobalParameters(
      {
        name: REQUEST_ID_HEADER,
        in: 'header',
        required: false,
        description:
          'Your id for this request, returned in `X-Request-Id` and in problem documents; ' +
          'one that does not match the pattern is replaced by a UUID',
        schema: { type: 'string', maxLength: 128, pattern: REQUEST_ID_PATTERN.source },
      },
      {
        name: 'traceparent',
        in: 'header',
        required: false,
        description:
          'W3C trace context: the request joins this trace; a malformed one starts a new trace',
        schema: {
          type: 'string',
          maxLength: 55,
          pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
          example: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        },
      },
      {
        name: 'Accept-Language',
        in: 'header',
        required: false,
        description:
          'Language of problem documents: Indonesian (`id`, the default) or English (`en`)',
        schema: { type: 'string', maxLength: 256, example: 'en' },
      },
    );
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [Problem],
  });
  // DocumentBuilder starts with an empty contact; an empty object tells a reader nothing.
  delete document.info.contact;
  document.components = {
    ...document.components,
    headers: {
      [REQUEST_ID_HEADER]: {
        description: 'The caller’s request id, or a UUID the gateway minted; quote it for support',
        required: true,
        schema: { type: 'string', maxLength: 128, pattern: REQUEST_ID_PATTERN.source },
      },
    },
  };
  addAccessAnswers(document);
  for (const response of allResponses(document)) {
    response.headers = {
      ...response.headers,
      [REQUEST_ID_HEADER]: { $ref: `#/components/headers/${REQUEST_ID_HEADER}` },
    };
  }
  refuseUnknownFields(document);
  return sortKeys(document);
}

/** OpenAPI 3 at /docs (UI) and /docs-json. */
export function setUpOpenApi(app: NestFastifyApplication, config: DocumentConfig): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
  });
}

/**
 * The document without a running gateway: the gateway module is built but never listens, and
 * nothing in it connects to NATS until a request is sent. The environment is ignored, so the
 * committed file does not depend on who generated it.
 */
export async function buildOpenApiDocument(
  config: DocumentConfig = loadGatewayConfig({}),
): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot(loadGatewayConfig({ PUBLIC_URL: config.PUBLIC_URL })),
    new FastifyAdapter(),
    { logger: false, abortOnError: false },
  );
  try {
    await app.init();
    return createOpenApiDocument(app, config);
  } finally {
    await app.close();
  }
}

function* allResponses(document: OpenAPIObject): Generator<ResponseObject> {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const operation = pathItem[method as keyof typeof pathItem] as
        { responses?: Record<string, ResponseObject | ReferenceObject> } | undefined;
      for (const response of Object.values(operation?.responses ?? {})) {
        if (!('$ref' in response)) yield response;
      }
    }
  }
}

/** The body pipe refuses unknown fields; every schema a request body reaches says so. */
function refuseUnknownFields(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const seen = new Set<string>();
  const visit = (schema: SchemaObject | ReferenceObject | undefined): void => {
    if (!schema) return;
    if ('$ref' in schema) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (seen.has(name)) return;
      seen.add(name);
      visit(schemas[name]);
      return;
    }
    if (schema.type === 'object' || schema.properties) {
      // A map says what its values are (an application's or a bundle's `form`): its keys are the caller's.
      if (typeof schema.additionalProperties !== 'object') schema.additionalProperties = false;
      for (const property of Object.values(schema.properties ?? {})) visit(property);
    }
    if (schema.type === 'array') visit(schema.items);
    for (const part of [
      ...(schema.allOf ?? []),
      ...(schema.oneOf ?? []),
      ...(schema.anyOf ?? []),
    ]) {
      visit(part);
    }
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of [pathItem.post, pathItem.put, pathItem.patch]) {
      const body = operation?.requestBody;
      if (!body || '$ref' in body) continue;
      for (const media of Object.values(body.content)) visit(media.schema);
    }
  }
}

// Keys sorted at every level, so that a reordered decorator or module never shows as a change
// in review; example values keep the order a person wrote them in.
function sortKeys<T>(value: T, path: readonly string[] = []): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeys(item, path)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (!isExampleValue(path)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    entries.map(([key, item]) => [key, sortKeys(item, [...path, key])]),
  ) as T;
}

/** Inside `example`, or the `value` of an entry of `examples` (and not a property so named). */
function isExampleValue(path: readonly string[]): boolean {
  return path.some(
    (key, i) =>
      path[i - 1] !== 'properties' &&
      (key === 'example' || (key === 'value' && path[i - 2] === 'examples')),
  );
}
