import { Controller } from '@nestjs/common';
import { GetJwks, type JwksV1 } from '@satupintu/contracts';
import { HandleRequest } from '@satupintu/messaging';
import { SigningKeys } from './signing-keys';

@Controller()
export class KeysHandlers {
  constructor(private readonly keys: SigningKeys) {}

  @HandleRequest(GetJwks)
  jwks(): Promise<JwksV1> {
    return this.keys.jwks();
  }
}
