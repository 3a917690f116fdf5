import type { ConnectionOptions } from '@nats-io/transport-node';

/**
 * How every NATS connection of a service is made, written once: the JetStream connection, the
 * request/reply server and the gateway's request client. They reconnect forever (a service that
 * gave up after the client's default ten attempts, about 20 s, stayed deaf after a longer NATS
 * outage while still answering its health checks), a second apart with jitter, and notice a dead
 * server within about 10 s by their own pings instead of waiting for TCP.
 */
export function natsConnectionOptions(url: string, name: string): ConnectionOptions {
  return {
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    reconnectJitter: 250,
    pingInterval: 5000,
    maxPingOut: 2,
    // Async stack traces cost an Error per request; our logs carry request ids instead.
    noAsyncTraces: true,
  };
}
