import { NAMESPACE_PATTERN, NAMESPACE_RULE } from '@satupintu/common';

/**
 * Every subject and stream is prefixed with the deployment's namespace (SP_NAMESPACE), so two
 * deployments, or two test runs, on one NATS server never see each other's messages.
 */
export function namespacedSubject(namespace: string, subject: string): string {
  return `${namespace}.${subject}`;
}

export function streamName(namespace: string, stream: string): string {
  return `${namespace}_${stream}`.toUpperCase().replace(/[^A-Z0-9_-]/g, '_');
}

/**
 * Request handlers are bound by decorators, which run when a module is imported, before
 * configuration is loaded: so the namespace is read from the environment here, once.
 */
export function namespaceFromEnv(): string {
  const value = process.env.SP_NAMESPACE ?? 'sp';
  if (!NAMESPACE_PATTERN.test(value))
    throw new Error(`SP_NAMESPACE ${NAMESPACE_RULE}; got "${value}"`);
  return value;
}
