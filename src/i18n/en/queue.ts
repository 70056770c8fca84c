import type { queue as zh } from '../zh/queue.js';

export const queue: Record<keyof typeof zh, string> = {
  'queue.badRedisUrl': 'Queue address "{url}" is not a redis:// or rediss:// URL',
  'queue.redisDown':
    'Cannot reach Redis ({url}): check that redis-server is running and the address is right',
  'queue.unknownKind': 'Unknown job kind "{kind}" (this worker runs: {known})',
  'queue.badPayload': 'Invalid data for job kind "{kind}": {message}',
  'queue.lexiconChanged':
    'The worker loaded keyword library version {have}, the submitter {want}: every machine must use the same library files',
  'queue.fileMissing':
    '{file}:{line}: the worker cannot read this file (machines must share the corpus at the same path)',
  'queue.fileChanged':
    '{file}:{line}: the file changed since the run was submitted ({planned} bytes then, {now} now)',
  'queue.shardAborted':
    '{file}:{line}: the worker is stopping; the shard is released and another worker retries it',
  'queue.shardFailed': 'Run {run}: {n} shard(s) failed and will not be retried',
  'queue.runNotFound': 'No run {run} (use the same --db as the submitter)',
  'queue.runKind': 'Run {run} is a {kind} run; this command cannot attach to it',
  'queue.needInputs': 'Give the files or folders to scan, or --attach RUN to follow a submitted run',
  'queue.attachNeedsQueue': '--attach needs --queue redis://…',
  'queue.progress': 'shards',
  'queue.submitted': 'Submitted run {run}: {shards} shard(s) (re-attach with --attach {run} if interrupted)',
  'worker.description':
    'Scale-out worker: takes scan shards and other jobs from a Redis queue (BullMQ) and writes partial results to the database (--db, PostgreSQL for several machines); on SIGTERM it finishes or releases its current job and exits\nExample: beian worker --queue redis://127.0.0.1:6379 --db postgres://beian@db/beian --health-port 9464',
  'worker.option.queue': "Redis address (redis://…), the same as the submitter's",
  'worker.option.concurrency': 'jobs handled at once (default 1)',
  'worker.option.threads': 'scan threads per job (default 1)',
  'worker.option.healthPort': 'serve a health check on this port (GET /health, JSON: state and counts)',
  'worker.option.healthHost':
    'address the health check listens on (default 127.0.0.1; 0.0.0.0 in a container, so docker or kubelet probes reach it)',
  'worker.hostNeedsPort': '--health-host needs --health-port',
  'worker.option.graceSeconds':
    'on SIGTERM, seconds the current jobs may take to finish (default 30); then they are handed back to the queue for another worker',
  'worker.released': 'Handed {n} unfinished job(s) back to the queue',
  'worker.option.lockSeconds':
    "job lock in seconds (default 30): a killed worker's job is retried by another after about this long",
  'worker.option.prefix': 'queue key prefix (default beian), to keep deployments apart',
  'worker.ready': 'Worker ready (queue {queue}, concurrency {concurrency}, job kinds {kinds})',
  'worker.stopping': '{signal} received, stopping: finishing or releasing the current job',
  'scan.option.queue':
    'split the scan into shards and queue them in Redis for beian worker (same result as a local scan)',
  'scan.option.attach': 'follow a submitted run again (after the submitter stopped)',
  'scan.option.shardBytes':
    'cut large files into pieces of about this many bytes, at line boundaries (default 32 MiB)',
  'scan.option.attempts': 'tries per shard before it is reported failed (default 3)',
  'worker.portBusy': 'Cannot listen on health port {port}: {message}',
};
