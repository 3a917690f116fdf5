import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  applyDecorators,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  AddFollowUpItem,
  CreateFollowUpPlan,
  GetFollowUpPlan,
  ListFollowUpPlans,
  PutConsultationForum,
  UpdateFollowUpItem,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { Callers, type CallerRule } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import {
  ApiProblemResponse,
  ApiUpstreamProblems,
  type ProblemExample,
} from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import {
  AddFollowUpItemRequest,
  CreateFollowUpPlanRequest,
  ListFollowUpPlansRequest,
  PutConsultationForumRequest,
  UpdateFollowUpItemRequest,
  toAddFollowUpItemV1,
  toCreateFollowUpPlanV1,
  toListFollowUpPlansV1,
  toPutConsultationForumV1,
  toUpdateFollowUpItemV1,
} from './follow-up-plans.request';
import {
  FollowUpItemResponse,
  FollowUpPlanResponse,
  FollowUpPlansPageResponse,
  toFollowUpItemResponse,
  toFollowUpPlanResponse,
  toFollowUpPlansPageResponse,
} from './follow-up-plans.response';

/** Mall admins (every scope) and agency admins (their agency and its services); surveys decides. */
export const PLAN_MANAGERS = {
  officer: ['MALL_ADMIN', 'AGENCY_ADMIN'],
} as const satisfies CallerRule;

const PLAN_ID = '0c9b8a7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';
const ITEM_ID = '8d1c3f6e-2b7a-4e59-9c0d-5a4b3c2d1e0f';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST = '/v1/follow-up-plans';
const ONE = `${LIST}/${PLAN_ID}`;
const FORUM = `${ONE}/forum`;
const ITEMS = `${ONE}/items`;
const ITEM = `${ITEMS}/${ITEM_ID}`;

const FORUM_EXAMPLE = {
  date: '2026-04-15',
  participants: [
    { name: 'Ketua RW 05 Kel. Cibinong', affiliation: 'Forum Warga Cibinong' },
    { name: 'Perwakilan Asosiasi Kontraktor', affiliation: 'Gapensi Kab. Bogor' },
    { name: 'Kepala Bidang Pelayanan', affiliation: 'Dinas PUPR' },
  ],
  minutes:
    'Forum menyepakati dua prioritas dari SKM triwulan I: waktu penyelesaian (U3) dan penanganan pengaduan (U8).',
};
const ITEM_EXAMPLE = {
  itemId: ITEM_ID,
  element: 'U3' as const,
  activity: 'Memangkas alur verifikasi PBG dari lima meja menjadi tiga',
  plannedQuarters: ['II' as const, 'III' as const],
  responsibleUnit: 'Bidang Pelayanan Perizinan',
  status: 'IN_PROGRESS' as const,
  evidence: { links: [] },
  version: 2,
  updatedAt: '2026-05-02T02:10:00.000Z',
};
const PLAN_EXAMPLE = {
  planId: PLAN_ID,
  scope: { kind: 'SERVICE' as const, serviceCode: 'PUPR-PBG' },
  period: '2026-TW1',
  forum: FORUM_EXAMPLE,
  items: [ITEM_EXAMPLE],
  version: 2,
  createdAt: '2026-04-10T03:00:00.000Z',
  updatedAt: '2026-05-02T02:10:00.000Z',
};

const ABOUT =
  ' For mall admins (every scope: the mall, an agency, a service) and agency admins (their agency ' +
  'and its services; another agency’s plan is answered as missing, 404).';

function idOf(field: string, value: string): string {
  if (!UUID_PATTERN.test(value)) throw DomainError.validation([{ field, code: 'invalid' }]);
  return value;
}

/** What every operation here documents: who, the plan (and item), the problems. */
function ApiPlanOperation(options: {
  operationId: string;
  summary: string;
  description: string;
  instance: string;
  plan?: boolean;
  item?: boolean;
  body?: boolean;
  own400: Record<string, ProblemExample>;
  own403?: Record<string, ProblemExample>;
}) {
  const { instance } = options;
  const notFound: Record<string, ProblemExample> = {
    ...(options.plan
      ? {
          plan: {
            summary: 'No such plan, or another agency’s',
            error: new DomainError('follow_up_plan_not_found', 404, [], { planId: PLAN_ID }),
            instance,
          },
        }
      : {}),
    ...(options.item
      ? {
          item: {
            summary: 'Not an item of this plan',
            error: new DomainError('follow_up_item_not_found', 404, [], { itemId: ITEM_ID }),
            instance,
          },
        }
      : {}),
  };
  return applyDecorators(
    Callers(PLAN_MANAGERS),
    ApiOperation({
      operationId: options.operationId,
      summary: options.summary,
      description: options.description + ABOUT,
      security: securityOf(PLAN_MANAGERS),
    }),
    ...(options.plan
      ? [
          ApiParam({
            name: 'planId',
            description: 'The plan',
            schema: { type: 'string', format: 'uuid', maxLength: 36 },
            example: PLAN_ID,
          }),
        ]
      : []),
    ...(options.item
      ? [
          ApiParam({
            name: 'itemId',
            description: 'The item',
            schema: { type: 'string', format: 'uuid', maxLength: 36 },
            example: ITEM_ID,
          }),
        ]
      : []),
    options.body
      ? ApiBodyProblems(
          instance,
          DomainError.validation([{ field: 'period', code: 'must_be_period' }]),
          'A field of the wrong shape',
          options.own400,
        )
      : ApiProblemResponse(400, 'A parameter or cursor is malformed', options.own400),
    ApiProblemResponse(401, 'No authenticated caller', {
      anonymous: {
        summary: 'An anonymous caller',
        error: new DomainError('unauthenticated', 401, [], { resource: 'follow-up plans' }),
        instance,
      },
    }),
    ApiProblemResponse(403, 'Not a mall admin nor an agency admin (or not of the scope asked)', {
      notAdmin: {
        summary: 'A verifier',
        error: new DomainError('forbidden', 403, [], { resource: 'follow-up plans' }),
        instance,
      },
      ...options.own403,
    }),
    ...(Object.keys(notFound).length > 0
      ? [ApiProblemResponse(404, 'No such plan (or item) the caller manages', notFound)]
      : []),
    ApiUpstreamProblems('surveys', instance),
  );
}

const STALE = (instance: string, expected: number, current: number) => ({
  stale: {
    summary: 'Changed by someone else since it was read',
    error: new DomainError('version_conflict', 409, [], { expected, current }),
    instance,
  },
});
const invalidBody = (
  instance: string,
  field: string,
  code: string,
): Record<string, ProblemExample> => ({
  validation: {
    summary: `A malformed ${field}`,
    error: DomainError.validation([{ field, code }]),
    instance,
  },
});

/**
 * The follow-up plans (rencana tindak lanjut) of SKM periods and the public consultation forums
 * (forum konsultasi publik, FKP) that agreed them (issue 11, ADR 0033). Surveys keeps them; the
 * SKM report of a period prints its scope's plan.
 */
@ApiTags('surveys')
@Controller('v1/follow-up-plans')
export class FollowUpPlansController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiPlanOperation({
    operationId: 'createFollowUpPlan',
    summary: 'Start the follow-up plan of a scope and SKM period',
    description:
      'One plan per scope (the mall, an agency, a service) and SKM period (a quarter, semester ' +
      'or year), with the forum that agreed it if it has met. Its items are added one by one ' +
      '(`POST …/items`). A second plan for the same scope and period is a 409 naming the first.',
    instance: LIST,
    body: true,
    own400: {
      ...invalidBody(LIST, 'scope', 'scope_codes'),
      ...invalidIdempotencyKeyExample(LIST),
    },
    own403: {
      otherAgency: {
        summary: 'An agency admin starting another agency’s plan',
        error: new DomainError('forbidden', 403, [], { resource: 'follow-up plans of DUKCAPIL' }),
        instance: LIST,
      },
    },
  })
  @ApiBody({
    type: CreateFollowUpPlanRequest,
    examples: {
      service: {
        summary: 'PBG’s plan for the first quarter, with its forum',
        value: {
          scope: { kind: 'SERVICE', serviceCode: 'PUPR-PBG' },
          period: '2026-TW1',
          forum: FORUM_EXAMPLE,
        },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'The plan, version 1, without items',
    type: FollowUpPlanResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      created: { summary: 'Started', value: { ...PLAN_EXAMPLE, items: [], version: 1 } },
    },
  })
  @ApiIdempotencyKey(LIST, {
    409: {
      description: 'The scope has a plan for this period already',
      examples: {
        exists: {
          summary: 'A second plan for PUPR-PBG, 2026-TW1',
          error: new DomainError('follow_up_plan_exists', 409, [], {
            scope: 'SERVICE:PUPR-PBG',
            period: '2026-TW1',
            planId: PLAN_ID,
          }),
          instance: LIST,
        },
      },
    },
  })
  async create(@Body() body: CreateFollowUpPlanRequest): Promise<FollowUpPlanResponse> {
    return toFollowUpPlanResponse(
      await this.rpc.request(CreateFollowUpPlan, toCreateFollowUpPlanV1(body)),
    );
  }

  @Get()
  @ApiPlanOperation({
    operationId: 'listFollowUpPlans',
    summary: 'Follow-up plans',
    description:
      'The plans the caller manages, the latest changed first, a page at a time (`nextCursor`), ' +
      'by kind of scope, agency (its own plan and its services’) and period; each with its ' +
      'forum’s date and how many of its items are done.',
    instance: LIST,
    own400: {
      period: {
        summary: 'A semester that does not exist',
        error: DomainError.validation([{ field: 'period', code: 'must_be_period' }]),
        instance: `${LIST}?period=2026-S3`,
      },
      cursor: {
        summary: 'A cursor this list did not make',
        error: new DomainError('invalid_cursor', 400),
        instance: `${LIST}?cursor=bm9wZQ`,
      },
    },
    own403: {
      otherAgency: {
        summary: 'An agency admin asking for another agency',
        error: new DomainError('forbidden', 403, [], { resource: 'follow-up plans of DUKCAPIL' }),
        instance: `${LIST}?agencyCode=DUKCAPIL`,
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'A page of plans',
    type: FollowUpPlansPageResponse,
    examples: {
      page: {
        summary: 'One plan',
        value: {
          items: [
            {
              planId: PLAN_ID,
              scope: PLAN_EXAMPLE.scope,
              period: '2026-TW1',
              forumDate: '2026-04-15',
              items: 3,
              done: 1,
              version: 2,
              updatedAt: '2026-05-02T02:10:00.000Z',
            },
          ],
        },
      },
    },
  })
  async list(@Query() query: ListFollowUpPlansRequest): Promise<FollowUpPlansPageResponse> {
    return toFollowUpPlansPageResponse(
      await this.rpc.request(ListFollowUpPlans, toListFollowUpPlansV1(query)),
    );
  }

  @Get(':planId')
  @ApiPlanOperation({
    operationId: 'getFollowUpPlan',
    summary: 'A follow-up plan',
    description: 'The plan with its forum and every item, in the order they were added.',
    instance: ONE,
    plan: true,
    own400: invalidBody(`${LIST}/nope`, 'planId', 'invalid'),
  })
  @ApiResponse({
    status: 200,
    description: 'The plan',
    type: FollowUpPlanResponse,
    examples: { plan: { summary: 'A plan with one item under way', value: PLAN_EXAMPLE } },
  })
  async get(@Param('planId') planId: string): Promise<FollowUpPlanResponse> {
    return toFollowUpPlanResponse(
      await this.rpc.request(GetFollowUpPlan, { planId: idOf('planId', planId) }),
    );
  }

  @Put(':planId/forum')
  @ApiPlanOperation({
    operationId: 'putConsultationForum',
    summary: 'Record the forum that agreed the plan',
    description:
      'Records, or replaces, the public consultation forum (FKP) of the plan: its date, its ' +
      'participants and its minutes. `version` is the plan’s as last read; a plan changed since ' +
      'is a 409 (read it again). The plan’s version goes up by one.',
    instance: FORUM,
    plan: true,
    body: true,
    own400: invalidBody(FORUM, 'participants', 'required'),
  })
  @ApiBody({
    type: PutConsultationForumRequest,
    examples: {
      forum: { summary: 'The forum of 15 April', value: { ...FORUM_EXAMPLE, version: 1 } },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The plan after the change',
    type: FollowUpPlanResponse,
    examples: { plan: { summary: 'Version 2', value: PLAN_EXAMPLE } },
  })
  @ApiProblemResponse(409, 'The plan changed since `version` was read', STALE(FORUM, 1, 2))
  async putForum(
    @Param('planId') planId: string,
    @Body() body: PutConsultationForumRequest,
  ): Promise<FollowUpPlanResponse> {
    return toFollowUpPlanResponse(
      await this.rpc.request(
        PutConsultationForum,
        toPutConsultationForumV1(idOf('planId', planId), body),
      ),
    );
  }

  @Post(':planId/items')
  @HttpCode(201)
  @ApiPlanOperation({
    operationId: 'addFollowUpItem',
    summary: 'Add an item to a follow-up plan',
    description:
      'An item names the priority element (U1–U9), the program or activity, the quarters it is ' +
      'planned in (TW I–IV), the responsible unit and, optionally, evidence; it starts `PLANNED`. ' +
      'A plan holds at most 50 items.',
    instance: ITEMS,
    plan: true,
    body: true,
    own400: {
      ...invalidBody(ITEMS, 'plannedQuarters', 'quarter_repeated'),
      ...invalidIdempotencyKeyExample(ITEMS),
    },
  })
  @ApiBody({
    type: AddFollowUpItemRequest,
    examples: {
      item: {
        summary: 'Shorter verification for PBG',
        value: {
          element: 'U3',
          activity: ITEM_EXAMPLE.activity,
          plannedQuarters: ['II', 'III'],
          responsibleUnit: ITEM_EXAMPLE.responsibleUnit,
        },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'The item, `PLANNED`, version 1',
    type: FollowUpItemResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      added: { summary: 'Added', value: { ...ITEM_EXAMPLE, status: 'PLANNED', version: 1 } },
    },
  })
  @ApiIdempotencyKey(ITEMS, {
    409: {
      description: 'The plan holds 50 items already',
      examples: {
        full: {
          summary: 'A 51st item',
          error: new DomainError('follow_up_plan_full', 409, [], { max: 50 }),
          instance: ITEMS,
        },
      },
    },
  })
  async addItem(
    @Param('planId') planId: string,
    @Body() body: AddFollowUpItemRequest,
  ): Promise<FollowUpItemResponse> {
    return toFollowUpItemResponse(
      await this.rpc.request(AddFollowUpItem, toAddFollowUpItemV1(idOf('planId', planId), body)),
    );
  }

  @Patch(':planId/items/:itemId')
  @ApiPlanOperation({
    operationId: 'updateFollowUpItem',
    summary: 'Change a follow-up item',
    description:
      'Changes the fields given: its status (`PLANNED` → `IN_PROGRESS` or `DROPPED`, ' +
      '`IN_PROGRESS` → `DONE` or `DROPPED`; `DONE` needs evidence, a text or a link), its ' +
      'element, activity, quarters, unit or evidence (replaced whole). `version` is the item’s as ' +
      'last read; an item changed since is a 409 (read it again).',
    instance: ITEM,
    plan: true,
    item: true,
    body: true,
    own400: invalidBody(ITEM, 'status', 'must_be_one_of'),
  })
  @ApiBody({
    type: UpdateFollowUpItemRequest,
    examples: {
      done: {
        summary: 'Done, with its evidence',
        value: {
          version: 2,
          status: 'DONE',
          evidence: {
            text: 'SOP verifikasi baru berlaku sejak 2 Mei 2026',
            links: ['https://mpp.example.go.id/sop-verifikasi.pdf'],
          },
        },
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The item after the change, its version one higher',
    type: FollowUpItemResponse,
    examples: { started: { summary: 'Under way', value: ITEM_EXAMPLE } },
  })
  @ApiProblemResponse(
    409,
    'The item changed since `version` was read, or the status cannot follow',
    {
      ...STALE(ITEM, 1, 2),
      transition: {
        summary: 'A done item moved back',
        error: new DomainError('follow_up_transition_refused', 409, [], {
          from: 'DONE',
          to: 'PLANNED',
        }),
        instance: ITEM,
      },
    },
  )
  @ApiProblemResponse(422, 'Marked `DONE` without evidence', {
    evidence: {
      summary: 'DONE with neither a text nor a link',
      error: DomainError.validation([{ field: 'evidence', code: 'evidence_required' }], 422),
      instance: ITEM,
    },
  })
  async updateItem(
    @Param('planId') planId: string,
    @Param('itemId') itemId: string,
    @Body() body: UpdateFollowUpItemRequest,
  ): Promise<FollowUpItemResponse> {
    return toFollowUpItemResponse(
      await this.rpc.request(
        UpdateFollowUpItem,
        toUpdateFollowUpItemV1(idOf('planId', planId), idOf('itemId', itemId), body),
      ),
    );
  }
}
