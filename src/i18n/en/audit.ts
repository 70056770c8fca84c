import type { audit as zh } from '../zh/audit.js';

export const audit: Record<keyof typeof zh, string> = {
  'audit.description':
    'Algorithm self-assessment and fairness audits: price discrimination, outcome disparity, opt-out invariance, the self-assessment checklist',
  'audit.price.description': `Finds price differences between user groups for the same item within the same time window (big-data price discrimination).

Examples:
  beian audit price orders.csv --item sku --price price --group user_type --time ts --window 1d
  beian audit price orders.jsonl --item sku --price price --group device --reference android --json
  beian audit price orders.csv --item sku --price price --group user_type --html price.html

Exit codes: 0 nothing found · 1 a flag was raised · 2 bad input (unknown column, unparseable numbers, with line numbers; the other rows are still audited)`,
  'audit.disparity.description': `Compares outcomes by protected attribute: statistical parity difference, disparate-impact ratio (flag below 0.8), equal-opportunity difference (with labels), ranking exposure.

Examples:
  beian audit disparity loans.csv --outcome approved --group gender --group age_band
  beian audit disparity loans.csv --outcome approved --label repaid --group gender --json
  beian audit disparity feed.jsonl --rank position --group region --html exposure.html`,
  'audit.optout.description': `With personalisation off, recommendations must not depend on the user profile: calls the endpoint once per profile and compares the results (Jaccard, RBO, Kendall).

Examples:
  beian audit optout --endpoint http://127.0.0.1:8080/recommend --profiles profiles.jsonl
  beian audit optout --endpoint https://api.example.com/rec --profiles p.jsonl \\
    --request-template template.json --items-path data.items --min-jaccard 0.95 --json`,
  'audit.checklist.description': `Self-assessment against the algorithm-recommendation, deep-synthesis and generative-AI rules: reads the checklist section of beian.yaml, scores completeness and lists the gaps.

Examples:
  beian audit checklist --config beian.yaml
  beian audit checklist --config beian.yaml --service shop-search --json`,
  'audit.opt.item': 'column holding the item (or service)',
  'audit.opt.price': 'column holding the price paid',
  'audit.opt.group':
    'column holding the user group (new/returning, device, membership); repeat for several protected attributes in disparity',
  'audit.opt.time': 'column holding the time (ISO 8601 or Unix epoch)',
  'audit.opt.window': 'comparison window such as 1h, 1d, 7d (default 1d; needs --time)',
  'audit.opt.reference':
    'reference group value (default: the largest group for price, the group with the highest rate for disparity)',
  'audit.opt.seed': 'random seed: the same input and seed give the same result',
  'audit.opt.format': 'input format (default: from the file extension)',
  'audit.opt.html': 'also write an HTML report with charts',
  'audit.opt.noSave': 'do not store the result in the database',
  'audit.opt.outcome': 'column holding the yes/no outcome (approved, shown; 1/0, true/false, yes/no)',
  'audit.opt.label': 'column holding the true label (qualified), for equal opportunity',
  'audit.opt.rank': 'column holding the 1-based rank, for exposure',
  'audit.opt.endpoint': 'URL of the recommendation endpoint',
  'audit.opt.profiles': 'user profiles (JSONL, one profile object a line)',
  'audit.opt.template':
    'request template (JSON file): { method, headers, body }; "{{profile}}" in body becomes the profile, {{profile.field}} a field',
  'audit.opt.itemsPath':
    'path of the recommended list in the response, e.g. items or data.items (strings or objects with an id)',
  'audit.opt.idField': 'id field when list elements are objects (default id)',
  'audit.opt.minJaccard': 'lowest acceptable pairwise Jaccard overlap (default from the data file)',
  'audit.opt.topK': 'compare only the top K results (default all)',
  'audit.opt.concurrency': 'concurrent requests',
  'audit.opt.timeout': 'timeout per request (ms)',
  'audit.opt.config': 'project file beian.yaml',
  'audit.opt.service': 'assess this service only',
  'audit.rows': '{rows} rows read, {valid} valid, {bad} malformed',
  'audit.malformed': 'Malformed rows (skipped; the audit went on over the others):',
  'audit.malformedMore': '…and {n} more',
  'audit.noFlags': 'Nothing found.',
  'audit.flags': '{n} flag(s) raised:',
  'audit.saved': 'Stored in {db} (id {id})',
  'audit.h.group': 'group',
  'audit.h.reference': 'reference',
  'audit.h.cells': 'cells',
  'audit.h.effect': 'rel. difference',
  'audit.h.ci': '95% interval',
  'audit.h.p': 'p',
  'audit.h.test': 'test',
  'audit.h.flag': 'flag',
  'audit.h.metric': 'metric',
  'audit.h.value': 'value',
  'audit.h.n': 'rows',
  'audit.h.rate': 'rate',
  'audit.h.exposure': 'exposure share',
  'audit.h.item': 'item',
  'audit.h.checklistItem': 'checklist item',
  'audit.h.q': 'q',
  'audit.h.windows': 'main windows',
  'audit.price.drivers': 'Items driving the difference (Benjamini–Hochberg false-discovery control):',
  'audit.attribute': 'Attribute {attribute} (reference {reference})',
  'audit.small': '(too small: reported only)',
  'audit.optout.summary':
    '{profiles} profiles, {pairs} pairs: Jaccard min {min}, mean {mean}; RBO mean {rbo}; Kendall mean {kendall} (bound {bound})',
  'audit.optout.pass': 'With personalisation off, results do not depend on the profile.',
  'audit.optout.fail': 'With personalisation off, results change with the profile:',
  'audit.checklist.summary':
    '{service}: {applicable} items apply, {answered} answered (completeness {completeness}), {yes} met, {gaps} required gaps',
  'audit.checklist.gaps': 'Gaps:',
  'audit.checklist.noConfig': '{file} has no checklist section: add one (see docs/fairness.md).',
  'audit.gap.unanswered': 'unanswered',
  'audit.gap.failed': 'not met',
  'audit.gap.noEvidence': 'no evidence',
  'audit.gap.partial': 'partly met',
  'audit.gap.auditFailed': 'automated audit raised a flag',
  'audit.wroteHtml': 'Wrote the HTML report {file}',
  'audit.optout.notObject': 'not a JSON object',
  'audit.optout.badLine': '{reason}',
  'audit.optout.notProfiles': '{file} has lines that are not profiles.',
  'audit.optout.tooFew': '{file} needs at least two profiles to compare.',
  'audit.optout.profileCount': '{n} profile(s)',
  'audit.optout.badTemplate': '{file}: expected { "method", "headers", "body" }.',
  'audit.optout.noAttempt': 'no request was made',
  'audit.optout.http': 'HTTP {status}',
  'audit.optout.noList': 'the response has no list at "{path}"',
  'audit.optout.callError': '{reason}',
  'audit.optout.failed': '{endpoint} failed for {n} profile(s).',
  'audit.checklist.noConfigIssue': 'no checklist section',
  'audit.checklist.invalid': '{file}: the checklist section has errors.',
  'audit.log.windowNeedsTime': '--window needs --time: the column holding each decision’s time.',
  'audit.log.badWindow': '--window "{value}" is not a duration such as 30m, 1h, 1d or 7d.',
  'audit.log.badReference': '--reference "{value}" is not a value of column {column}.',
  'audit.log.values': 'values: {values}',
  'audit.log.needOutcomeOrRank':
    'Give --outcome (a yes/no decision) or --rank (a position in a ranking), or both.',
  'audit.log.labelNeedsOutcome': '--label (the true qualification) needs --outcome.',
  'audit.data.invalid': 'The fairness data does not validate.',
  'audit.data.inconsistent': 'The fairness data is inconsistent.',
  'audit.data.dupParameter': 'duplicate parameter',
  'audit.data.missingParameter': 'missing parameter',
  'audit.data.dupItem': 'duplicate item id',
  'audit.data.idPrefix': 'id must start with "{prefix}"',
  'audit.log.columnsMismatch': 'Column mapping does not match {file}.',
  'audit.log.noColumn': 'no column "{column}"; the file has: {available}',
  'audit.log.noColumnNone': 'no column "{column}"; the file has: (none)',
  'audit.log.empty': '{file} is empty: no header line.',
  'audit.log.noHeader': 'no header line',
  'audit.checklist.noService': 'no service "{id}" in services',
  'audit.checklist.unknownItem': 'unknown checklist item "{id}"',
};
