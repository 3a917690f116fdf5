import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';

/**
 * A figures answer given as JSON, or as CSV when `Accept` weighs `text/csv` above JSON
 * (`prefersCsv`): the header, both media types and the `Vary: Accept` the route sets.
 */
export function ApiJsonOrCsv(options: {
  description: string;
  model: Parameters<typeof getSchemaPath>[0];
  examples: Record<string, { summary: string; value: unknown }>;
  csvMaxLength: number;
  csvExample: string;
}) {
  return applyDecorators(
    ApiProduces('application/json', 'text/csv'),
    ApiHeader({
      name: 'Accept',
      required: false,
      description: '`text/csv` (weighted above `application/json`) for the CSV',
      schema: { type: 'string', maxLength: 200, example: 'text/csv' },
    }),
    ApiOkResponse({
      description: options.description,
      headers: { Vary: { description: 'Accept', schema: { type: 'string', maxLength: 20 } } },
      content: {
        'application/json': {
          schema: { $ref: getSchemaPath(options.model) },
          examples: options.examples,
        },
        'text/csv': {
          schema: { type: 'string', maxLength: options.csvMaxLength },
          example: options.csvExample,
        },
      },
    }),
  );
}
