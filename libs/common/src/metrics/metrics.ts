import { Controller, Get, Header, Inject, Module, type DynamicModule } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per service instance (not prom-client's global one), so several services can
 * run in one process, as they do in integration tests, without clashing metric names.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly messagesHandled: Counter<'subject' | 'outcome'>;
  readonly messagesHeld: Gauge<'consumer'>;
  readonly requestsHandled: Counter<'subject' | 'outcome'>;
  readonly outboxPublishFailures: Counter<'reason'>;
  readonly outboxRows: Gauge<'state'>;
  readonly jobsRun: Counter<'kind' | 'outcome'>;
  readonly jobDuration: Histogram<'kind' | 'outcome'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.messagesHandled = new Counter({
      name: 'messages_handled_total',
      help: 'JetStream messages handled, by subject and outcome (processed, duplicate, retried, rejected, skipped)',
      labelNames: ['subject', 'outcome'],
      registers: [this.registry],
    });
    this.requestsHandled = new Counter({
      name: 'requests_handled_total',
      help: 'NATS requests this instance answered, by subject and outcome (ok, refused, failed)',
      labelNames: ['subject', 'outcome'],
      registers: [this.registry],
    });
    this.messagesHeld = new Gauge({
      name: 'messages_held',
      help: 'Messages a consumer holds back behind a failing earlier message of the same application',
      labelNames: ['consumer'],
      registers: [this.registry],
    });
    this.outboxPublishFailures = new Counter({
      name: 'outbox_publish_failures_total',
      help: 'Outbox rows the relay could not publish: rejected (that row) or outage (NATS away)',
      labelNames: ['reason'],
      registers: [this.registry],
    });
    this.outboxRows = new Gauge({
      name: 'outbox_rows',
      help: 'Outbox rows after the last drain: pending (all) and failing (waiting to retry)',
      labelNames: ['state'],
      registers: [this.registry],
    });
    this.jobsRun = new Counter({
      name: 'jobs_run_total',
      help: 'Job attempts, by kind and outcome (succeeded, retried, dead)',
      labelNames: ['kind', 'outcome'],
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'job_duration_seconds',
      help: "Time in a job's handler, by kind and outcome",
      labelNames: ['kind', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [this.registry],
    });
  }
}

@ApiExcludeController()
@Controller('metrics')
class MetricsController {
  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

@Module({})
export class MetricsModule {
  static forRoot(metrics: ServiceMetrics): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: ServiceMetrics, useValue: metrics }],
      exports: [ServiceMetrics],
    };
  }
}
