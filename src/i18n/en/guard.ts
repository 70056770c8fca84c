import type { guard as zh } from '../zh/guard.js';

export const guard: Record<keyof typeof zh, string> = {
  'guard.description':
    'Runtime filter: an OpenAI-compatible reverse proxy that checks user input and model output (streams too) against the keyword library, answers with a safe reply, masks or only records per policy, and stores every interception\nExamples: beian guard --upstream http://127.0.0.1:8000/v1\n          beian guard --upstream http://127.0.0.1:11434/v1 --port 8788 --config beian.yaml',
  'guard.option.upstream':
    'base URL of the upstream OpenAI-compatible server (vLLM, Ollama …); overrides guard.upstream in beian.yaml',
  'guard.option.port': 'port to listen on (default 8788)',
  'guard.option.host': 'address to listen on (default 127.0.0.1; others need --token)',
  'guard.option.token': 'token required off loopback (header X-Beian-Guard-Token; default BEIAN_GUARD_TOKEN)',
  'guard.option.salt': 'salt for hashing user ids (default BEIAN_GUARD_SALT)',
  'guard.needUpstream': 'Name the upstream model server with --upstream or guard.upstream in beian.yaml',
  'guard.badUpstream': 'Upstream "{value}" is not an http(s) URL',
  'guard.needsToken': 'Listening on {host} needs --token (or BEIAN_GUARD_TOKEN)',
  'guard.listening':
    'Guard listening on {url} (upstream {upstream}; {keywords} keywords, longest {hold}; records in {db})\nMetrics: {url}metrics',
  'guard.unknownRisk': '{field}: "{risk}" is not a risk id of the knowledge base (e.g. A.1 or A.1.6)',
  'guard.retentionTooShort':
    '{field}: {days} days is shorter than the minimum retention of {min} days in the KB',
  'guard.error.tooLarge': 'Request body is larger than {max} bytes',
  'guard.error.badJson': 'Request body is not valid JSON',
  'guard.error.timeout': 'The upstream model server timed out',
  'guard.error.unreachable': 'Cannot reach the upstream model server',
  'guard.error.reset': 'The upstream model server dropped the connection',
  'guard.error.forbidden': 'Missing or wrong guard token (X-Beian-Guard-Token)',
  'guard.error.suspended': 'This user is suspended until {until}',
  'guard.page.title': 'Runtime interceptions',
  'guard.page.none':
    'No interceptions recorded yet. Start the gateway with beian guard; this page then shows interceptions per day, top keywords and suspended users.',
  'guard.page.perDay': 'Interceptions per day (by risk)',
  'guard.page.byRisk': 'By risk, direction and action',
  'guard.page.topKeywords': 'Top keywords',
  'guard.page.suspended': 'Suspended users (hashed)',
  'guard.page.risk': 'Risk',
  'guard.page.direction': 'Direction',
  'guard.page.action': 'Action',
  'guard.page.count': 'Count',
  'guard.page.keyword': 'Keyword',
  'guard.page.source': 'Source',
  'guard.page.user': 'User',
  'guard.page.at': 'At',
  'guard.page.since': '{n} since {since}',
  'guard.report.description':
    'What the guard intercepted in a red-team run made through it: per bank and risk, the share of should-refuse items it intercepted (want high) and of should-not-refuse items it wrongly intercepted (want low)\nExample: beian redteam run --base-url http://127.0.0.1:8788/v1 --model m && beian guard report',
  'guard.report.option.run': 'red-team run id (default: the latest)',
  'guard.report.noRun': 'No red-team run {id}: run beian redteam run --base-url <guard> first',
  'guard.report.bank': 'Bank',
  'guard.report.intercepted': 'Intercepted by the guard',
  'guard.report.total': 'all',
  'guard.badLabel':
    '{field}: the explicit label must name AI (人工智能/AI) and generation (生成/合成) (GB 45438-2025 §5)',
  'guard.repliesUnreadable': '{file}: {reason}',
  'guard.repliesInvalid': '{file}: invalid replies file',
};
