import type {
  MediaTypeObject,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';

type Schema = SchemaObject | ReferenceObject;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The project's API rules, as far as a program can check them, over a whole document. Each
 * returned line names where a rule is broken; an empty list means the document keeps them all.
 *
 * Strings count as bounded by `maxLength` or `enum` only: a `pattern` bounds the length only
 * when all its quantifiers do, which this check cannot judge, so bounded patterns carry a
 * `maxLength` too.
 */
export function checkApiRules(document: OpenAPIObject): string[] {
  const problems: string[] = [];
  const report = (where: string, what: string) => problems.push(`${where}: ${what}`);

  if (!document.servers?.length) report('document', 'names no servers');
  for (const server of document.servers ?? []) {
    if (!server.url) report('document', 'has a server without a url');
  }
  if (!document.info.license?.name) report('document', 'names no license');
  const schemes = Object.keys(document.components?.securitySchemes ?? {});

  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    checkSchema(schema, `#/components/schemas/${name}`, report);
  }
  for (const [name, header] of Object.entries(document.components?.headers ?? {})) {
    if (!('$ref' in header)) checkSchema(header.schema, `#/components/headers/${name}`, report);
  }

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) {
        checkOperation(operation, `${method.toUpperCase()} ${path}`, schemes, report);
      }
    }
  }
  return problems;
}

function checkOperation(
  operation: OperationObject,
  where: string,
  schemes: string[],
  report: (where: string, what: string) => void,
): void {
  if (!operation.summary?.trim()) report(where, 'has no summary');
  if (!operation.description?.trim()) report(where, 'has no description');
  if (!Array.isArray(operation.security)) {
    report(where, 'declares no security (`security: []` for a public operation)');
  }
  for (const requirement of operation.security ?? []) {
    for (const scheme of Object.keys(requirement)) {
      if (!schemes.includes(scheme)) report(where, `requires the undeclared scheme ${scheme}`);
    }
  }

  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is ParameterObject => !('$ref' in parameter),
  );
  for (const parameter of parameters) {
    checkSchema(parameter.schema, `${where} ${parameter.in} parameter ${parameter.name}`, report);
  }

  const body = operation.requestBody;
  if (body && !('$ref' in body)) {
    for (const [type, media] of Object.entries(body.content)) {
      checkMedia(media, `${where} request body ${type}`, report);
    }
  }

  const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
  const foreign = typeof (operation as { 'x-protocol'?: unknown })['x-protocol'] === 'string';
  const statuses = Object.keys(responses);
  // Every operation is rate-limited per caller (429), and answered by a service (503, 504).
  const needed = new Set<string>(['429', '503', '504']);
  if (body) ['400', '413', '415'].forEach((status) => needed.add(status));
  // A path names a resource, whose absence is a 404, unless the operation says what else it is
  // (`x-missing-resource`: an agency nobody runs is a 503, no deployment answers for it).
  const missing = (operation as { 'x-missing-resource'?: unknown })['x-missing-resource'];
  if (parameters.some((parameter) => parameter.in === 'path') && typeof missing !== 'string') {
    needed.add('404');
  }
  // A foreign protocol's token either is the caller's or is not (401): it names no roles to lack.
  if (operation.security?.some((requirement) => Object.keys(requirement).length > 0)) {
    needed.add('401');
    if (!foreign) needed.add('403');
  }
  if (parameters.some((parameter) => parameter.name.toLowerCase() === 'idempotency-key')) {
    needed.add('409');
  }
  for (const status of needed) {
    if (!statuses.includes(status)) report(where, `does not document its ${status} answer`);
  }
  if (!statuses.some((status) => status.startsWith('2'))) report(where, 'has no success answer');

  for (const [status, response] of Object.entries(responses)) {
    if ('$ref' in response) continue;
    const at = `${where} ${status}`;
    const headers = response.headers ?? {};
    if (!headers['X-Request-Id']) report(at, 'does not document the X-Request-Id header');
    if ((status === '503' || status === '429') && !headers['Retry-After']) {
      report(at, 'does not document the Retry-After header');
    }
    if (status === '401' && !headers['WWW-Authenticate']) {
      report(at, 'does not document the WWW-Authenticate header');
    }
    for (const [name, header] of Object.entries(headers)) {
      if (!('$ref' in header)) checkSchema(header.schema, `${at} header ${name}`, report);
    }
    const content = Object.entries(response.content ?? {});
    // An operation of a foreign protocol (`x-protocol`: OSS's PIA) answers in that protocol's
    // JSON, as its callers read it; every other answers problem+json.
    const errorType = foreign ? 'application/json' : 'application/problem+json';
    if (Number(status) >= 400 && !content.some(([type]) => type === errorType)) {
      report(at, `is not documented as ${errorType}`);
    }
    if (status.startsWith('2') && content.length === 0 && status !== '204') {
      report(at, 'documents no body');
    }
    for (const [type, media] of content) checkMedia(media, `${at} ${type}`, report);
  }
}

function checkMedia(
  media: MediaTypeObject,
  where: string,
  report: (where: string, what: string) => void,
): void {
  if (media.example === undefined && Object.keys(media.examples ?? {}).length === 0) {
    report(where, 'has no example');
  }
  checkSchema(media.schema, where, report);
}

function checkSchema(
  schema: Schema | undefined,
  where: string,
  report: (where: string, what: string) => void,
): void {
  if (!schema) {
    report(where, 'has no schema');
    return;
  }
  if ('$ref' in schema) return;
  const parts = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  parts.forEach((part, i) => checkSchema(part, `${where}/of/${i}`, report));
  // OpenAPI 3.1 allows a list of types (`['string', 'null']`); each named one must be bounded.
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.includes('string') && schema.maxLength === undefined && !schema.enum) {
    report(where, 'is a string without maxLength or enum');
  }
  if (
    (types.includes('integer') || types.includes('number')) &&
    (schema.minimum === undefined || schema.maximum === undefined)
  ) {
    report(where, 'is a number without minimum and maximum');
  }
  if (types.includes('array')) {
    if (schema.maxItems === undefined) report(where, 'is an array without maxItems');
    checkSchema(schema.items, `${where}/items`, report);
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    checkSchema(property, `${where}/properties/${name}`, report);
  }
  if (typeof schema.additionalProperties === 'object') {
    checkSchema(schema.additionalProperties, `${where}/additionalProperties`, report);
  }
  if (types.length === 0 && parts.length === 0 && !schema.enum) report(where, 'has no type');
}
