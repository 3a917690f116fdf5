import { Injectable } from '@nestjs/common';
import { DomainError, asThisService, type FieldError } from '@satupintu/common';
import { GetService } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';

/**
 * The catalog's services, asked of intake when the floor is set up (a line's services, a
 * schedule's service), never on the path of a ticket: which agency owns each, and whether it is
 * offered at all.
 */
@Injectable()
export class CatalogServices {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Each code's agency; a code the catalog does not offer, or of another agency than
   * `agencyCode` when given, is a 422 naming its field (`fieldOf(i)`).
   */
  async agenciesOf(
    serviceCodes: readonly string[],
    fieldOf: (index: number) => string,
    agencyCode?: string,
  ): Promise<string[]> {
    const found = await Promise.all(serviceCodes.map((code) => this.agencyOf(code)));
    const errors: FieldError[] = [];
    found.forEach((agency, i) => {
      const at = fieldOf(i);
      if (agency === undefined)
        errors.push({
          field: at,
          code: 'unknown_service',
          params: { serviceCode: serviceCodes[i] },
        });
      else if (agencyCode !== undefined && agency !== agencyCode)
        errors.push({ field: at, code: 'service_of_other_agency', params: { agencyCode } });
    });
    if (errors.length > 0) throw DomainError.validation(errors, 422);
    return found as string[];
  }

  private async agencyOf(serviceCode: string): Promise<string | undefined> {
    try {
      const standard = await asThisService(() =>
        this.rpc.request(GetService, { code: serviceCode }),
      );
      return standard.active ? standard.agencyCode : undefined;
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) return undefined;
      throw error;
    }
  }
}
