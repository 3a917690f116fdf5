import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import { SKM_ELEMENTS } from '@satupintu/domain';
import { identifier, joinSql, sql, uniqueViolation, type Executor } from '@satupintu/persistence';
import type { NewSkmResponse } from './skm-response';

const ELEMENT_COLUMNS = joinSql(SKM_ELEMENTS.map((element) => identifier(element.toLowerCase())));

@Injectable()
export class SkmResponsesRepository {
  /**
   * Stores a response, its answers in the columns of their codes (an unanswered one NULL). A
   * second response about one case runs into `skm_responses_one_per_case`, whatever raced it:
   * that is the 409, not a look before the insert.
   */
  static async add(tx: Executor, response: NewSkmResponse, trackingNo?: string): Promise<Date> {
    try {
      const [row] = await tx.query<{ receivedAt: Date }>(sql`
        INSERT INTO skm_responses (id, source, application_id, client_id, agency_code,
                                   service_code, day, ${ELEMENT_COLUMNS}, sex, age_band,
                                   education, occupation, suggestion)
        VALUES (${response.id}, ${response.source}, ${response.applicationId},
                ${response.clientId}, ${response.agencyCode}, ${response.serviceCode},
                ${response.day}::date,
                ${joinSql(SKM_ELEMENTS.map((element) => sql`${response.answers[element] ?? null}::smallint`))},
                ${response.sex}, ${response.ageBand}, ${response.education},
                ${response.occupation}, ${response.suggestion})
        RETURNING received_at AS "receivedAt"`);
      return row.receivedAt;
    } catch (error) {
      if (uniqueViolation(error) === 'skm_responses_one_per_case')
        throw new DomainError('skm_already_answered', 409, [], {
          trackingNo: trackingNo ?? '',
        });
      throw error;
    }
  }
}
