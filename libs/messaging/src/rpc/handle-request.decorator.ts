import { applyDecorators } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { RequestContract } from '@satupintu/contracts';
import { namespaceFromEnv, namespacedSubject } from '../namespace';

/** Binds a handler to a request contract's (namespaced) subject. */
export function HandleRequest(contract: RequestContract<unknown, unknown>): MethodDecorator {
  return applyDecorators(MessagePattern(namespacedSubject(namespaceFromEnv(), contract.subject)));
}
