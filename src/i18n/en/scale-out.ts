import type { scaleOut as zh } from '../zh/scale-out.js';

/** Scale-out: red-team runs on the queue, shared rate limits, the dashboard's job counts. */
export const scaleOut: Record<keyof typeof zh, string> = {
  'redteam.opt.queue':
    'put the cases on a Redis queue (redis://…) in batches, run by `beian worker` on any machine; needs --db',
  'redteam.opt.attach':
    'attach to a run already on the queue (after the submitter stopped): wait for it and print the same report a local run prints',
  'redteam.opt.queuePrefix': 'queue key prefix (default beian), as beian worker --queue-prefix',
  'redteam.opt.batchSize': 'questions per queue batch (default 50)',
  'redteam.queue.attachNeedsQueue': '--attach needs --queue redis://… (the queue the run is on)',
  'redteam.queue.badPrefix': 'Invalid queue prefix {prefix}: letters, digits, dot, dash and underscore only',
  'redteam.queue.needDb':
    "--queue needs the team database: pass --db postgres://… as well (the one the workers write to); a local SQLite file is out of the other machines' reach",
  'redteam.queue.noRun':
    'The queued job belongs to run {runId}, which is not in this database: workers and the submitter must use the same --db',
  'redteam.queue.attachUnknown':
    'The queue holds no batch of run {runId}: check the --queue address and the run id (beian redteam runs)',
  'redteam.queue.submitted':
    'Run {runId}: {batches} batches ({pending} cases) on the queue; if this stops, reattach with --attach {runId}\n',
  'redteam.queue.failedBatches':
    '{n} batches still failed after their retries ({first}): the other results are stored; fix the cause and run again with the same arguments to fill them in',
  'redteam.queue.progress': 'queued red team',
  'serve.option.queue':
    "the queue Redis (redis://…): run pages show each run's waiting/active/failed jobs; or set BEIAN_QUEUE",
  'server.jobs.title': 'Queue jobs',
  'server.jobs.waiting': 'waiting',
  'server.jobs.active': 'active',
  'server.jobs.completed': 'completed',
  'server.jobs.failed': 'failed',
  'server.jobs.lost': 'lost by the queue (put back by the submitter)',
  'server.jobs.none': 'No queue jobs for this run (a local run)',
  'server.jobs.off': 'No queue configured (beian serve --queue redis://…)',
};
