import type { ProcessSpec } from '@satupintu/process';
import { join } from 'node:path';

/** A launcher problem the user can fix: printed as is, without a stack, and the launcher exits 1. */
export class LauncherError extends Error {}

export interface AgencyRef {
  code: string;
}

export interface ServiceSpec {
  /** Log prefix and the name used in every launcher message. */
  name: string;
  /** Entry point, relative to the repository root. */
  script: string;
  port: number;
  /** Always set for this service. */
  env: Record<string, string>;
  /** Set unless the user already set them, so `DEMO_SEED=false npm start` still works. */
  defaults: Record<string, string>;
}

export const DEFAULT_BASE_PORT = 3000;
/** Agency deployments sit above the core services so adding a core service moves no agency. */
export const AGENCY_PORT_OFFSET = 10;

const CORE_SERVICES = ['gateway', 'identity', 'intake', 'tracking', 'surveys', 'oss', 'queue'] as const;

/**
 * The demo mall: intake's catalog, identity's accounts (whose log shows one-time codes in
 * development, since nothing is sent), and each agency's service standards.
 */
const DEMO_DEFAULTS: Partial<Record<string, Record<string, string>>> = {
  intake: { DEMO_SEED: 'true' },
  identity: { DEMO_SEED: 'true', NODE_ENV: 'development' },
  agency: { DEMO_SEED: 'true' },
};

function entryPoint(app: string): string {
  return `dist/apps/${app}/src/main.js`;
}

/** `agency-dukcapil`: lower case, and safe as a log prefix whatever the code looks like. */
export function agencyServiceName(code: string): string {
  return `agency-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** Every process `npm start` runs, with its port: core services first, then one per agency. */
export function planServices(basePort: number, agencies: readonly AgencyRef[]): ServiceSpec[] {
  const core = CORE_SERVICES.map((name, index): ServiceSpec => ({
    name,
    script: entryPoint(name),
    port: basePort + index,
    env: {},
    defaults: DEMO_DEFAULTS[name] ?? {},
  }));
  const agencyDeployments = agencies.map((agency, index): ServiceSpec => ({
    name: agencyServiceName(agency.code),
    script: entryPoint('agency'),
    port: basePort + AGENCY_PORT_OFFSET + index,
    env: { AGENCY_CODE: agency.code },
    defaults: DEMO_DEFAULTS.agency ?? {},
  }));
  return [...core, ...agencyDeployments];
}

/** SP_BASE_PORT, checked so that the highest planned port still exists. */
export function parseBasePort(raw: string | undefined, agencyCount: number): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BASE_PORT;
  const highestOffset = AGENCY_PORT_OFFSET + Math.max(agencyCount - 1, 0);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port + highestOffset > 65535) {
    throw new LauncherError(
      `SP_BASE_PORT must be a whole number from 1 to ${65535 - highestOffset} (got "${raw}")`,
    );
  }
  return port;
}

export interface SharedEnv {
  DATABASE_URL: string;
  NATS_URL: string;
  HTTP_HOST: string;
}

/**
 * The environment of one service: what the user set (so LOG_LEVEL, SP_NAMESPACE, DB_PREFIX and
 * anything else reach every service), then what the launcher decided, then the service's own.
 */
export function serviceEnv(
  spec: ServiceSpec,
  inherited: NodeJS.ProcessEnv,
  shared: SharedEnv,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...inherited };
  for (const [key, value] of Object.entries(spec.defaults)) {
    if (env[key] === undefined || env[key] === '') env[key] = value;
  }
  return { ...env, ...shared, HTTP_PORT: String(spec.port), ...spec.env };
}

/**
 * How to run one planned service from the repository at `root`: Node on its compiled entry
 * point, with source maps so stack traces point at the TypeScript line.
 */
export function serviceProcessSpec(
  spec: ServiceSpec,
  root: string,
  env: NodeJS.ProcessEnv,
): Omit<ProcessSpec, 'onLine'> {
  return {
    name: spec.name,
    command: process.execPath,
    args: ['--enable-source-maps', join(root, spec.script)],
    cwd: root,
    env,
  };
}
