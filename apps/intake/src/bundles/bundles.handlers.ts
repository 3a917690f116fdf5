import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  DefineBundle,
  DefineBundleV1,
  GetBundle,
  GetBundleCase,
  GetBundleCaseV1,
  GetBundleV1,
  ListBundles,
  ListBundlesV1,
  SubmitBundle,
  SubmitBundleV1,
  type BundleCaseV1,
  type BundlesPageV1,
  type BundleV1,
} from '@satupintu/contracts';
import { generateTrackingNumber, type RegionIndex } from '@satupintu/domain';
import { Caller, HandleRequest, IdempotencyKeys } from '@satupintu/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { ApplicationsRepository } from '../applications/applications.repository';
import { REGIONS } from '../applications/regions.provider';
import { CatalogRepository } from '../catalog/catalog.repository';
import { BundlesRepository } from './bundles.repository';
import { defineBundle } from './define-bundle';
import { getBundleCase } from './get-bundle-case';
import { listBundles } from './list-bundles';
import { submitBundle } from './submit-bundle';

@Controller()
export class BundlesHandlers {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly applications: ApplicationsRepository,
    private readonly bundles: BundlesRepository,
    private readonly idempotency: IdempotencyKeys,
    @Inject(REGIONS) private readonly regions: RegionIndex,
  ) {}

  @HandleRequest(DefineBundle)
  define(@Payload() input: DefineBundleV1, @Caller() caller: RequestContext): Promise<BundleV1> {
    return defineBundle(caller.principal, input, {
      findService: (code) => this.catalog.findActiveService(code),
      save: (bundle, definedBy) => this.bundles.saveBundle(bundle, definedBy),
    });
  }

  @HandleRequest(ListBundles)
  list(@Payload() request: ListBundlesV1): Promise<BundlesPageV1> {
    return listBundles(request, (after, limit) => this.bundles.listBundles(after, limit));
  }

  @HandleRequest(GetBundle)
  async get(@Payload() request: GetBundleV1): Promise<BundleV1> {
    const bundle = await this.bundles.findBundle(request.code);
    if (!bundle) throw new DomainError('bundle_not_found', 404, [], { code: request.code });
    return bundle;
  }

  @HandleRequest(SubmitBundle)
  submit(
    @Payload() input: SubmitBundleV1,
    @Caller() caller: RequestContext,
  ): Promise<BundleCaseV1> {
    return this.idempotency.run(caller, SubmitBundle.subject, input, (claim) =>
      submitBundle(caller.principal, input, {
        regions: this.regions,
        findApplicantByNik: (nik) => this.applications.findApplicantByNik(nik),
        actsFor: (applicantId, businessId) => this.applications.actsFor(applicantId, businessId),
        findBundle: (code) => this.bundles.findBundle(code),
        findService: (code) => this.catalog.findActiveService(code),
        findDocuments: (ids) => this.applications.findDocuments(ids),
        timeZoneOf: (agencyCode) => this.bundles.timeZoneOf(agencyCode),
        write: (work) => this.bundles.write(work, claim),
        newId: randomUUID,
        newTrackingNo: () => generateTrackingNumber(randomBytes),
        now: () => new Date(),
      }),
    );
  }

  @HandleRequest(GetBundleCase)
  getCase(
    @Payload() request: GetBundleCaseV1,
    @Caller() caller: RequestContext,
  ): Promise<BundleCaseV1> {
    return getBundleCase(caller.principal, request.trackingNo, (trackingNo) =>
      this.bundles.findCase(trackingNo),
    );
  }
}
