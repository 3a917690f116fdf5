import { type ArgumentMetadata, type PipeTransform, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../problems/domain-error';
import { toFieldErrors } from '../problems/validation';

/**
 * Validates bodies and message payloads against their DTO classes. Unknown fields are refused,
 * not silently dropped, so a typo in a field name is reported instead of ignored.
 */
export class BodyValidationPipe implements PipeTransform {
  private readonly inner = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || (metadata.type === 'custom' && metadata.metatype)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw DomainError.validation([{ field: '(body)', code: 'must_be_body_object' }]);
      }
    }
    return this.inner.transform(value, metadata);
  }
}
