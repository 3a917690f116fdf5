import {
  Controller,
  type DynamicModule,
  Get,
  Inject,
  Module,
  type ModuleMetadata,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RETRY_AFTER_SECONDS } from '../availability/dependency-error';
import { DomainError } from '../problems/domain-error';

/** Something the service needs to do its work; `check` rejects when it is not usable. */
export interface ReadinessProbe {
  name: string;
  check(): Promise<void>;
}

export const READINESS_PROBES = Symbol('READINESS_PROBES');

/** A probe that has not answered by then counts as down: readiness never hangs its caller. */
export const PROBE_TIMEOUT_MS = 1500;

export interface ReadinessReport {
  status: 'ok';
  checks: Record<string, 'up'>;
}

/** Runs every probe at once, each bounded; answers which are down and why. */
export async function runProbes(
  probes: ReadinessProbe[],
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<{ up: string[]; down: { name: string; reason: string }[] }> {
  const results = await Promise.all(
    probes.map(async (probe) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([probe.check(), timeout]);
        return { name: probe.name, reason: undefined };
      } catch (error) {
        return { name: probe.name, reason: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return {
    up: results.filter((r) => r.reason === undefined).map((r) => r.name),
    down: results.flatMap((r) =>
      r.reason === undefined ? [] : [{ name: r.name, reason: r.reason }],
    ),
  };
}

@ApiExcludeController()
@Controller('health')
class HealthController {
  constructor(@Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[]) {}

  /** The process is up and its event loop turns; says nothing of its dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * The service can do its work now: every dependency answers, within PROBE_TIMEOUT_MS. When
   * one does not, a 503 problem+json naming it (and a Retry-After), never a 500 or a hang.
   */
  @Get('ready')
  async ready(): Promise<ReadinessReport> {
    const { up, down } = await runProbes(this.probes);
    if (down.length > 0) {
      throw new DomainError('not_ready', 503, [], {
        down: down.map((probe) => `${probe.name} (${probe.reason})`).join(', '),
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    }
    return { status: 'ok', checks: Object.fromEntries(up.map((name) => [name, 'up' as const])) };
  }
}

@Module({})
export class HealthModule {
  /**
   * `probes` builds the list from injected dependencies; the list stays open, so what starts
   * later (the request/reply server) adds its own probe to READINESS_PROBES.
   */
  static forRoot(options: {
    imports?: ModuleMetadata['imports'];
    inject?: unknown[];
    probes: (...deps: never[]) => ReadinessProbe[];
  }): DynamicModule {
    return {
      module: HealthModule,
      global: true,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [
        {
          provide: READINESS_PROBES,
          inject: (options.inject ?? []) as never[],
          useFactory: options.probes,
        },
      ],
      exports: [READINESS_PROBES],
    };
  }
}
