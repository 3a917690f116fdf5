import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  AddFollowUpItem,
  AddFollowUpItemV1,
  CreateFollowUpPlan,
  CreateFollowUpPlanV1,
  GetFollowUpPlan,
  GetFollowUpPlanV1,
  ListFollowUpPlans,
  ListFollowUpPlansV1,
  PutConsultationForum,
  PutConsultationForumV1,
  UpdateFollowUpItem,
  UpdateFollowUpItemV1,
  type FollowUpItemV1,
  type FollowUpPlanV1,
  type FollowUpPlansPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, IdempotencyKeys, UnitOfWork } from '@satupintu/messaging';
import { type Executor } from '@satupintu/persistence';
import {
  listedAgency,
  managesScope,
  planManager,
  requireScopeManager,
  type PlanManager,
} from './follow-up-access';
import {
  forumOf,
  newItemContent,
  periodOf,
  planQueryOf,
  plansPage,
  scopeOf,
  updatedItem,
} from './follow-up-plan';
import { FollowUpPlansRepository } from './follow-up-plans.repository';

/** Follow-up plans and their forums (ADR 0033): each request checks who manages the scope. */
@Controller()
export class FollowUpHandlers {
  constructor(
    private readonly plans: FollowUpPlansRepository,
    private readonly idempotency: IdempotencyKeys,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  @HandleRequest(CreateFollowUpPlan)
  async create(
    @Payload() input: CreateFollowUpPlanV1,
    @Caller() caller: RequestContext,
  ): Promise<FollowUpPlanV1> {
    const scope = scopeOf(input.scope);
    requireScopeManager(caller.principal, scope);
    const period = periodOf(input.period);
    return this.idempotency.runInTransaction(caller, CreateFollowUpPlan.subject, input, (tx) =>
      this.plans.create(tx, scope, period, input.forum ? forumOf(input.forum) : null),
    );
  }

  @HandleRequest(GetFollowUpPlan)
  async get(
    @Payload() { planId }: GetFollowUpPlanV1,
    @Caller() caller: RequestContext,
  ): Promise<FollowUpPlanV1> {
    const manager = planManager(caller.principal);
    const plan = await this.plans.get(planId);
    // Another agency's plan is as missing: its id tells the caller nothing.
    if (!plan || !managesScope(manager, scopeOf(plan.scope)))
      throw new DomainError('follow_up_plan_not_found', 404, [], { planId });
    return plan;
  }

  @HandleRequest(ListFollowUpPlans)
  async list(
    @Payload() request: ListFollowUpPlansV1,
    @Caller() caller: RequestContext,
  ): Promise<FollowUpPlansPageV1> {
    const agencyCode = listedAgency(planManager(caller.principal), request.agencyCode);
    const rows = await this.plans.list(planQueryOf(request, agencyCode));
    return plansPage(rows, request.limit);
  }

  @HandleRequest(PutConsultationForum)
  async putForum(
    @Payload() input: PutConsultationForumV1,
    @Caller() caller: RequestContext,
  ): Promise<FollowUpPlanV1> {
    const manager = planManager(caller.principal);
    const forum = forumOf(input);
    return this.unitOfWork.run(async (tx) => {
      const plan = await this.lockManaged(tx, manager, input.planId);
      return this.plans.putForum(tx, plan, input.version, forum);
    });
  }

  @HandleRequest(AddFollowUpItem)
  async addItem(
    @Payload() input: AddFollowUpItemV1,
    @Caller() caller: RequestContext,
  ): Promise<FollowUpItemV1> {
    const manager = planManager(caller.principal);
    const content = newItemContent(input);
    return this.idempotency.runInTransaction(caller, AddFollowUpItem.subject, input, async (tx) => {
      await this.lockManaged(tx, manager, input.planId);
      return this.plans.addItem(tx, input.planId, content);
    });
  }

  @HandleRequest(UpdateFollowUpItem)
  async updateItem(
    @Payload() input: UpdateFollowUpItemV1,
    @Caller() caller: RequestContext,
  ): Promise<FollowUpItemV1> {
    const manager = planManager(caller.principal);
    return this.unitOfWork.run(async (tx) => {
      await this.lockManaged(tx, manager, input.planId);
      const current = await this.plans.lockItem(tx, input.planId, input.itemId);
      return this.plans.saveItem(tx, input.planId, updatedItem(current, input));
    });
  }

  /** The plan, locked for this transaction's change, if the caller manages it; else a 404. */
  private async lockManaged(tx: Executor, manager: PlanManager, planId: string) {
    const plan = await this.plans.lock(tx, planId);
    if (!managesScope(manager, scopeOf(plan.scope)))
      throw new DomainError('follow_up_plan_not_found', 404, [], { planId });
    return plan;
  }
}
