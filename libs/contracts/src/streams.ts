import { ApplicationStatusChanged } from './agency/application-status-changed.v1';
import type { EventContract, StreamName } from './contract';
import { ApplicationSubmitted } from './intake/application-submitted.v1';

/** Every event contract; a stream keeps the subjects of the events declared on it. */
export const EVENTS: EventContract<never>[] = [
  ApplicationSubmitted,
  ApplicationStatusChanged,
] as EventContract<never>[];

export const STREAM_NAMES: StreamName[] = ['INTAKE', 'AGENCY'];

/** Subjects (without namespace) a stream captures: each event subject plus its routing token. */
export function streamSubjects(stream: StreamName): string[] {
  return EVENTS.filter((event) => event.stream === stream).map((event) => `${event.subject}.*`);
}
