// The vocabulary and its transition rules live in the domain library; contracts reuse them.
export {
  APPLICATION_STATUSES as STATUSES,
  type ApplicationStatus as Status,
} from '@satupintu/domain';
