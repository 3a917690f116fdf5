import { toFieldErrors } from '@satupintu/common';
import { ListDeadlineAlertsV1 } from '@satupintu/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DeadlineAlertsRequest, toListDeadlineAlertsV1 } from './deadline-alerts.request';

/** The query string as Fastify hands it over: every value a string. */
async function parsed(query: Record<string, string>) {
  const request = plainToInstance(DeadlineAlertsRequest, query);
  return { request, errors: toFieldErrors(await validate(request)) };
}

describe('the deadline alerts query', () => {
  it.each([
    ['true', true],
    ['false', false],
  ])('reads open=%s as %s', async (text, open) => {
    const { request, errors } = await parsed({ open: text, kind: 'OVERDUE', limit: '5' });
    expect(errors).toEqual([]);
    expect(toListDeadlineAlertsV1(request, 'PUPR')).toEqual({
      agencyCode: 'PUPR',
      kind: 'OVERDUE',
      open,
      limit: 5,
    });
  });

  it('asks for both, open and closed, of every kind, twenty at a time unless told', async () => {
    const { request } = await parsed({});
    expect(toListDeadlineAlertsV1(request)).toEqual({ limit: 20 });
  });

  it('refuses what is not a kind, a yes or no, a page size or a cursor', async () => {
    const { errors } = await parsed({ kind: 'LATE', open: '1', limit: '101', cursor: 'a b' });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['kind', 'must_be_one_of'],
      ['open', 'must_be_boolean'],
      ['limit', expect.any(String)],
      ['cursor', expect.any(String)],
    ]);
  });

  it('hands tracking what its contract accepts', async () => {
    const { request } = await parsed({ open: 'true', kind: 'AT_RISK', cursor: 'WyJ4Il0' });
    const message = plainToInstance(
      ListDeadlineAlertsV1,
      toListDeadlineAlertsV1(request, 'DUKCAPIL'),
    );
    expect(await validate(message)).toEqual([]);
  });
});
