/**
 * A reply that repeats the answer to an earlier request (an `Idempotency-Key` replay), marked so
 * the `RpcClient` can say so to its caller (the gateway sets `Idempotent-Replayed: true`) and then
 * unwrap it: the handler's contract type stays the answer itself.
 */
const REPLAYED = 'sp:replayed';

interface ReplayedEnvelope {
  [REPLAYED]: true;
  response: unknown;
}

/** The handler's answer, marked as a replay; typed as the answer, since the client unwraps it. */
export function replayedReply<T>(response: T): T {
  const envelope: ReplayedEnvelope = { [REPLAYED]: true, response };
  return envelope as unknown as T;
}

/** The answer inside a reply, and whether it was a replay. */
export function unwrapReply<T>(reply: T): { response: T; replayed: boolean } {
  if (
    reply !== null &&
    typeof reply === 'object' &&
    (reply as Partial<ReplayedEnvelope>)[REPLAYED] === true
  )
    return { response: (reply as unknown as ReplayedEnvelope).response as T, replayed: true };
  return { response: reply, replayed: false };
}
