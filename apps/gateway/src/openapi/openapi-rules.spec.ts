import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from './openapi';
import { checkApiRules } from './openapi-rules';

/** The document as plain JSON objects, loose enough to break on purpose. */
type Tree = { [key: string]: Tree };

// Each case breaks one rule in a copy of the real document and expects exactly that report,
// so the empty list the real document gets means something.
describe('the API rules', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await buildOpenApiDocument();
  });

  const broken = (breakIt: (copy: Tree) => void): string[] => {
    const copy = structuredClone(document) as unknown as Tree;
    breakIt(copy);
    return checkApiRules(copy as unknown as OpenAPIObject);
  };
  const json = (value: unknown) => value as Tree;
  const submit = (doc: Tree) => doc.paths['/v1/applications'].post;
  const timeline = (doc: Tree) => doc.paths['/v1/applications/{trackingNo}/timeline'].get;

  it('hold for the gateway’s document', () => {
    expect(checkApiRules(document)).toEqual([]);
  });

  it('want servers and a license', () => {
    expect(
      broken((doc) => {
        doc.servers = json([]);
        delete doc.info.license;
      }),
    ).toEqual(['document: names no servers', 'document: names no license']);
  });

  it('want a summary and a description on every operation', () => {
    expect(
      broken((doc) => {
        delete submit(doc).summary;
        timeline(doc).description = json(' ');
      }),
    ).toEqual([
      'POST /v1/applications: has no summary',
      'GET /v1/applications/{trackingNo}/timeline: has no description',
    ]);
  });

  it('want security declared, even when it is none', () => {
    expect(broken((doc) => delete submit(doc).security)).toEqual([
      'POST /v1/applications: declares no security (`security: []` for a public operation)',
    ]);
  });

  it('want a secured operation to use declared schemes and to document 401 and 403', () => {
    expect(
      broken((doc) => {
        submit(doc).security = json([{ oauth: [] }]);
        delete submit(doc).responses['401'];
        delete submit(doc).responses['403'];
      }),
    ).toEqual([
      'POST /v1/applications: requires the undeclared scheme oauth',
      'POST /v1/applications: does not document its 401 answer',
      'POST /v1/applications: does not document its 403 answer',
    ]);
  });

  it('want 401 and 403 on every secured operation, with the Bearer challenge on the 401', () => {
    expect(
      broken((doc) => {
        delete submit(doc).responses['403'];
        delete timeline(doc).responses['401'].headers['WWW-Authenticate'];
      }),
    ).toEqual([
      'POST /v1/applications: does not document its 403 answer',
      'GET /v1/applications/{trackingNo}/timeline 401: does not document the WWW-Authenticate header',
    ]);
  });

  it('want 429 with Retry-After on every operation, public ones too', () => {
    expect(
      broken((doc) => {
        timeline(doc).security = json([]);
        delete timeline(doc).responses['401'];
        delete timeline(doc).responses['403'];
        delete timeline(doc).responses['429'];
        delete submit(doc).responses['429'].headers['Retry-After'];
      }),
    ).toEqual([
      'POST /v1/applications 429: does not document the Retry-After header',
      'GET /v1/applications/{trackingNo}/timeline: does not document its 429 answer',
    ]);
  });

  it('want an example for every request body and every answer', () => {
    expect(
      broken((doc) => {
        delete submit(doc).requestBody.content['application/json'].examples;
        delete timeline(doc).responses['404'].content['application/problem+json'].examples;
      }),
    ).toEqual([
      'POST /v1/applications request body application/json: has no example',
      'GET /v1/applications/{trackingNo}/timeline 404 application/problem+json: has no example',
    ]);
  });

  it('want the answers that can happen documented', () => {
    expect(
      broken((doc) => {
        delete submit(doc).responses['415'];
        delete timeline(doc).responses['404'];
        delete timeline(doc).responses['503'];
      }),
    ).toEqual([
      'POST /v1/applications: does not document its 415 answer',
      'GET /v1/applications/{trackingNo}/timeline: does not document its 503 answer',
      'GET /v1/applications/{trackingNo}/timeline: does not document its 404 answer',
    ]);
  });

  it('want 409 documented where an Idempotency-Key is taken', () => {
    expect(
      broken((doc) => {
        const parameters = submit(doc).parameters as unknown as { name: string }[];
        expect(parameters.map((parameter) => parameter.name)).toContain('Idempotency-Key');
        delete submit(doc).responses['409'];
      }),
    ).toEqual(['POST /v1/applications: does not document its 409 answer']);
  });

  it('want errors as problem+json, with Retry-After on a 503 and X-Request-Id everywhere', () => {
    expect(
      broken((doc) => {
        const problem = submit(doc).responses['422'].content;
        problem['application/json'] = problem['application/problem+json'];
        delete problem['application/problem+json'];
        delete submit(doc).responses['503'].headers['Retry-After'];
        delete timeline(doc).responses['200'].headers['X-Request-Id'];
      }),
    ).toEqual([
      'POST /v1/applications 422: is not documented as application/problem+json',
      'POST /v1/applications 503: does not document the Retry-After header',
      'GET /v1/applications/{trackingNo}/timeline 200: does not document the X-Request-Id header',
    ]);
  });

  it('want every string bounded, every array capped and every number ranged', () => {
    expect(
      broken((doc) => {
        const schemas = doc.components.schemas;
        delete schemas.Problem.properties.detail.maxLength;
        delete schemas.TimelineResponse.properties.entries.maxItems;
        delete schemas.Problem.properties.status.maximum;
        delete timeline(doc).parameters[0].schema.maxLength;
        delete doc.components.headers['X-Request-Id'].schema.maxLength;
      }),
    ).toEqual([
      '#/components/schemas/Problem/properties/detail: is a string without maxLength or enum',
      '#/components/schemas/Problem/properties/status: is a number without minimum and maximum',
      '#/components/schemas/TimelineResponse/properties/entries: is an array without maxItems',
      '#/components/headers/X-Request-Id: is a string without maxLength or enum',
      'GET /v1/applications/{trackingNo}/timeline path parameter trackingNo: is a string without maxLength or enum',
    ]);
  });

  it('find an unbounded string wherever it is nested', () => {
    expect(
      broken((doc) => {
        submit(doc).responses['201'].content['application/json'].schema = json({
          type: 'object',
          properties: { tags: { type: 'array', maxItems: 3, items: { type: 'string' } } },
        });
        submit(doc).responses['201'].headers.Location.schema = json({
          allOf: [{ type: 'string' }],
        });
      }),
    ).toEqual([
      'POST /v1/applications 201 header Location/of/0: is a string without maxLength or enum',
      'POST /v1/applications 201 application/json/properties/tags/items: is a string without maxLength or enum',
    ]);
  });

  it('want every schema typed', () => {
    expect(broken((doc) => (doc.components.schemas.Problem.properties.title = {}))).toEqual([
      '#/components/schemas/Problem/properties/title: has no type',
    ]);
  });
});
