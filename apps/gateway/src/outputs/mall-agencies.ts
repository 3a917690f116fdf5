import { Injectable } from '@nestjs/common';
import { ListAgencies } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { AgencyDirectory } from './issuing-agency';

/** The mall's agencies as identity lists them (public, tens of them), asked only when needed. */
@Injectable()
export class MallAgencies implements AgencyDirectory {
  constructor(private readonly rpc: RpcClient) {}

  async has(agencyCode: string): Promise<boolean | undefined> {
    try {
      const { items } = await this.rpc.request(ListAgencies, {});
      return items.some((agency) => agency.code === agencyCode);
    } catch {
      // Identity away too: nobody can tell a made-up agency from one that is down.
      return undefined;
    }
  }
}
