import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { ApiProblemResponse, type ProblemExample } from '../openapi/problem.responses';
import { DOCUMENT_NO_MAX_LENGTH } from './output.request';

/** The `documentNo` path parameter as a person or a QR scanner hands it in. */
export function ApiDocumentNoParam(description: string) {
  return ApiParam({
    name: 'documentNo',
    description: `${description}. Read in any case, spaces around it ignored`,
    schema: {
      type: 'string',
      minLength: 1,
      maxLength: DOCUMENT_NO_MAX_LENGTH,
      pattern: '^[A-Za-z0-9-]{2,32}-[0-9]{4}-[0-9]{6,9}$',
    },
    example: 'DUKCAPIL-2026-000042',
  });
}

export function malformedDocumentNoExample(instance: string): Record<string, ProblemExample> {
  return {
    documentNo: {
      summary: 'Not a document number (not repeated back: it may be personal)',
      error: DomainError.validation([{ field: 'documentNo', code: 'document_no_format' }]),
      instance,
    },
  };
}

/** 404: a number nobody issued, an agency the mall does not have, or another agency's number. */
export function ApiOutputNotFound(instance: string) {
  return applyDecorators(
    ApiProblemResponse(
      404,
      'No such output: nobody issued this number, or its agency is not one of the mall’s',
      {
        unknown: {
          summary: 'A number the agency never issued',
          error: new DomainError('output_not_found', 404, [], {
            documentNo: 'DUKCAPIL-2026-999999',
          }),
          instance,
        },
      },
    ),
  );
}
