import { IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { QUEUE_FORMATS as F } from './queue-formats';

/** A figures range spans at most this many days (a year, and a day to spare). */
export const MAX_FLOOR_FIGURES_DAYS = 367;

/**
 * The floor's figures (ADR 0037) over the tickets of the mall's days from `from` up to the day
 * before `to`: a mall admin's for every agency or one, an agency admin's for their own.
 */
export class GetFloorFiguresV1 {
  @IsString()
  @Matches(F.day)
  from: string;

  @IsString()
  @Matches(F.day)
  to: string;

  @IsOptional()
  @IsString()
  @Matches(F.agencyCode)
  agencyCode?: string;
}

/**
 * The figures of one group of tickets: those checked in (numbered), the waits from check-in to
 * the first call, and the service times from the last call to served, in seconds. A mean or
 * percentile with nothing to count, and a rate with nothing finished, are null.
 */
export interface FloorFiguresV1 {
  /** Tickets checked in (walk-ins, and bookings once checked in). */
  tickets: number;
  /** Of them, called at least once. */
  called: number;
  served: number;
  noShows: number;
  /** No-shows of those finished (served or no-show). */
  noShowRate: number | null;
  meanWaitSeconds: number | null;
  medianWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  meanServiceSeconds: number | null;
  medianServiceSeconds: number | null;
  p90ServiceSeconds: number | null;
}

export interface AgencyFloorFiguresV1 extends FloorFiguresV1 {
  agencyCode: string;
}

export interface ServiceFloorFiguresV1 extends AgencyFloorFiguresV1 {
  serviceCode: string;
}

export interface HourFloorFiguresV1 extends AgencyFloorFiguresV1 {
  /** The hour of the mall's clock the tickets were checked in (0 to 23). */
  hour: number;
}

export interface FloorFiguresReportV1 {
  from: string;
  to: string;
  /** The agency asked for (an agency admin's own), absent for the whole mall. */
  agencyCode?: string;
  /** Every ticket in the scope. */
  total: FloorFiguresV1;
  /** By agency, service and hour of check-in; each ordered by its keys, only those with tickets. */
  agencies: AgencyFloorFiguresV1[];
  services: ServiceFloorFiguresV1[];
  hours: HourFloorFiguresV1[];
}

export const GetFloorFigures = defineRequest<GetFloorFiguresV1, FloorFiguresReportV1>({
  subject: 'queue.figures.get.v1',
  service: 'queue',
  payload: GetFloorFiguresV1,
});
