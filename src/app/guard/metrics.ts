import { Counter, Histogram, Registry } from 'prom-client';
import type { Interception } from '../../guard/guard.js';

/** The guard's Prometheus metrics, in a registry of its own (no global state). No user ids, no keys. */
export interface GuardMetrics {
  registry: Registry;
  request(route: string, status: number): void;
  interception(i: Pick<Interception, 'risk' | 'direction' | 'action'>): void;
  /** seconds the guard itself spent on one request (checks, not the upstream's time) */
  added(route: string, seconds: number): void;
}

export function createGuardMetrics(): GuardMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'beian_guard_requests_total',
    help: 'Requests through the guard, by route and status',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const interceptions = new Counter({
    name: 'beian_guard_interceptions_total',
    help: 'Keyword interceptions, by risk, direction and action',
    labelNames: ['risk', 'direction', 'action'],
    registers: [registry],
  });
  const added = new Histogram({
    name: 'beian_guard_added_latency_seconds',
    help: 'Time the guard adds to a request (its own checks), seconds',
    labelNames: ['route'],
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05],
    registers: [registry],
  });
  return {
    registry,
    request: (route, status) => requests.inc({ route, status: String(status) }),
    interception: (i) => interceptions.inc({ risk: i.risk, direction: i.direction, action: i.action }),
    added: (route, s) => added.observe({ route }, s),
  };
}
