import { toFieldErrors } from '@satupintu/common';
import { DEMO_SERVICES } from '@satupintu/demo';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PublishServiceStandardV1 } from './publish-service-standard.v1';
import { ServiceStandardPublishedV1 } from './service-standard-published.v1';

const { agencyCode: _agency, ...NIB } = DEMO_SERVICES.find((s) => s.code === 'DPMPTSP-NIB')!;

/** The fields refused, with their codes, for a standard whose `path` is set to `value`. */
function refusedOf(path: string, value: unknown): string[] {
  const standard = structuredClone(NIB) as unknown as Record<string, unknown>;
  if (path) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, standard);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  const errors = validateSync(plainToInstance(PublishServiceStandardV1, standard), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return toFieldErrors(errors).map((error) => `${error.field} ${error.code}`);
}

const field = NIB.requirements.fields[0];

describe('PublishServiceStandardV1', () => {
  it('accepts a demo standard as it is', () => {
    expect(refusedOf('', undefined)).toEqual([]);
  });

  it.each([
    ['a lower-case service code', 'code', 'dpmptsp-nib', 'code service_code_format'],
    ['a name over 200 characters', 'names.en', 'x'.repeat(201), 'names.en max_length'],
    ['an empty name', 'names.id', '', 'names.id required'],
    ['an unknown category', 'categories', ['PETS'], 'categories must_be_one_of'],
    ['no category', 'categories', [], 'categories invalid'],
    ['a category twice', 'categories', ['BUSINESS', 'BUSINESS'], 'categories invalid'],
    [
      'a field name with a space',
      'requirements.fields.0.name',
      'business name',
      'requirements.fields.0.name form_field_name_format',
    ],
    [
      'an unknown field type',
      'requirements.fields.0.type',
      'money',
      'requirements.fields.0.type must_be_one_of',
    ],
    [
      'a text field longer than 1000',
      'requirements.fields.0.maxLength',
      1001,
      'requirements.fields.0.maxLength invalid',
    ],
    [
      '51 fields',
      'requirements.fields',
      Array.from({ length: 51 }, (_, i) => ({ ...field, name: `f${i}` })),
      'requirements.fields invalid',
    ],
    [
      'a document over 10 MiB',
      'requirements.documents.0.maxBytes',
      10 * 1024 * 1024 + 1,
      'requirements.documents.0.maxBytes invalid',
    ],
    [
      'a document type other than PDF, JPEG or PNG',
      'requirements.documents.0.allowedTypes',
      ['application/zip'],
      'requirements.documents.0.allowedTypes must_be_one_of',
    ],
    [
      'a lower-case document kind',
      'requirements.documents.0.kind',
      'ktp',
      'requirements.documents.0.kind document_kind_format',
    ],
    ['no procedure step', 'procedure.steps', [], 'procedure.steps invalid'],
    ['a time limit of 0', 'timeLimit.value', 0, 'timeLimit.value invalid'],
    ['a time limit in weeks', 'timeLimit.unit', 'WEEKS', 'timeLimit.unit must_be_one_of'],
    ['a negative fee', 'fee.amount', -1, 'fee.amount invalid'],
    ['a fee in sen', 'fee.amount', 1.5, 'fee.amount invalid'],
    ['a fee without its legal basis', 'fee.legalBasis', undefined, 'fee.legalBasis required'],
    ['an unknown channel', 'channels', ['FAX'], 'channels must_be_one_of'],
    ['an unknown property', 'priority', 1, 'priority unknown_field'],
  ])('refuses %s', (_label, path, value, expected) => {
    expect(refusedOf(path, value)).toEqual([expected]);
  });
});

describe('ServiceStandardPublishedV1', () => {
  it('names its service, agency, version and time', () => {
    const event = plainToInstance(ServiceStandardPublishedV1, {
      ...NIB,
      agencyCode: 'DPMPTSP',
      version: 0,
      publishedAt: 'yesterday',
    });
    const fields = toFieldErrors(validateSync(event)).map((error) => error.field);
    expect(fields.sort()).toEqual(['publishedAt', 'version']);
  });
});
