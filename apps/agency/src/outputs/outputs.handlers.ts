import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  GetOutputKeys,
  RevokeOutput,
  RevokeOutputV1,
  VerifyOutput,
  VerifyOutputV1,
  type OutputKeysV1,
  type OutputVerificationV1,
  type RevokedOutputV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { outputRevoker } from './output-revocation-access';
import { OUTPUTS_OPTIONS, Outputs, type OutputsOptions } from './outputs';

/**
 * Requests about this agency's outputs (routed by its code). Verification and the keys are
 * public: whoever holds a document may check it. Revocation is its admins'.
 */
@Controller()
export class OutputsHandlers {
  constructor(
    private readonly outputs: Outputs,
    @Inject(OUTPUTS_OPTIONS) private readonly options: OutputsOptions,
  ) {}

  @HandleRequest(VerifyOutput)
  verify(@Payload() request: VerifyOutputV1): Promise<OutputVerificationV1> {
    return this.outputs.verify(request.documentNo, request.pdfSha256);
  }

  @HandleRequest(GetOutputKeys)
  keys(): Promise<OutputKeysV1> {
    return this.outputs.publishedKeys();
  }

  @HandleRequest(RevokeOutput)
  revoke(
    @Payload() request: RevokeOutputV1,
    @Caller() caller: RequestContext,
  ): Promise<RevokedOutputV1> {
    const by = outputRevoker(caller.principal, this.options.agencyCode);
    return this.outputs.revoke({ documentNo: request.documentNo, reason: request.reason, by });
  }
}
