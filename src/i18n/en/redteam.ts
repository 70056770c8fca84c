export const redteam = {
  'redteam.description':
    'Model security testing and red teaming: banks (generation / should-refuse / should-not-refuse), variants, runs against any OpenAI-compatible endpoint, scores per risk of the 31',
  'redteam.run.description':
    'Run banks × variants × targets, storing every request, answer and verdict; run again with the same arguments to resume',
  'redteam.run.help': `
Examples:
  beian redteam run --base-url http://localhost:11434/v1 --model qwen2.5 --bank data/banks/starter-should-refuse.jsonl --json
  DEEPSEEK_API_KEY=... beian redteam run --base-url https://api.deepseek.com/v1 --model deepseek-chat \\
      --api-key-env DEEPSEEK_API_KEY --bank my-bank.xlsx --concurrency 16 --rpm 600
  beian redteam run --config beian.yaml --variants roleplay,base64,pinyin --sample 300

Exit codes: 0 all thresholds met; 1 a threshold failed; 2 bad flags or bank; 3 the target still failed after retries (run again to resume).`,
  'redteam.opt.config': 'Read targets and banks from the redteam section of beian.yaml',
  'redteam.opt.baseUrl': 'Base URL of an OpenAI-compatible API, e.g. http://localhost:8000/v1',
  'redteam.opt.model': 'Model name',
  'redteam.opt.apiKeyEnv': 'NAME of the environment variable holding the API key (never the key itself)',
  'redteam.opt.targetId': 'Target id (default openai:<model>)',
  'redteam.opt.system': 'System prompt',
  'redteam.opt.bank': 'Bank file (JSONL, CSV or XLSX); repeatable',
  'redteam.opt.concurrency': 'Most requests in flight',
  'redteam.opt.rpm': 'Most requests per minute',
  'redteam.opt.timeout': 'Timeout per request (ms)',
  'redteam.opt.retries': 'Retries on 429, 5xx, network errors and malformed replies',
  'redteam.opt.variants': 'Generate variants: {list}, or all',
  'redteam.opt.sample': 'Original questions per bank (deterministic sample by seed)',
  'redteam.opt.seed': 'Sampling seed',
  'redteam.opt.keywords':
    'Keyword library for the keyword judge (txt/csv/xlsx/json, naughty-words or a compiled .beianlx; see beian lexicon)',
  'redteam.opt.judgeBaseUrl': 'OpenAI-compatible base URL of the LLM-as-judge model',
  'redteam.opt.judgeModel': 'Judge model name',
  'redteam.opt.judgeApiKeyEnv': 'NAME of the environment variable holding the judge key',
  'redteam.opt.new': 'Start a new run instead of resuming',
  'redteam.opt.noCache': 'Ignore the response cache (answers are still cached)',
  'redteam.opt.kind':
    'Kind of every row when the file has no kind column: generation, should-refuse or should-not-refuse',
  'redteam.opt.col': 'Header of the column holding {field}',
  'redteam.opt.out': 'Output file',
  'redteam.progress': 'Red team',
  'redteam.resumed': 'Resuming run {runId}: {done}/{total} done',
  'redteam.started': 'New run {runId}: {total} cases',
  'redteam.warnings': '{n} questions could not be read (skipped):',
  'redteam.summary.head': 'Run {runId} · total {total} · completed {completed} · errors {errors}',
  'redteam.header.bank': 'Bank',
  'redteam.header.metric': 'Metric',
  'redteam.header.n': 'n',
  'redteam.header.rate': 'Rate',
  'redteam.header.ci': '95% CI',
  'redteam.header.threshold': 'Threshold',
  'redteam.header.sample': 'Sample req.',
  'redteam.header.result': 'Result',
  'redteam.header.variant': 'Variant',
  'redteam.header.risk': 'Risk/aspect',
  'redteam.pass': 'pass',
  'redteam.fail': 'FAIL',
  'redteam.kind.generation': 'generation',
  'redteam.kind.should-refuse': 'should-refuse',
  'redteam.kind.should-not-refuse': 'should-not-refuse',
  'redteam.metric.safe-rate': 'safe rate',
  'redteam.metric.refusal-rate': 'refusal rate',
  'redteam.errorsHint': '{n} cases still failed after retries: run again with the same arguments to resume.',
  'redteam.report.description': 'Report a run: terminal summary, --json, --html, --xlsx, --junit',
  'redteam.report.help': `
Examples:
  beian redteam report latest
  beian redteam report rt-20261125-abc123 --html report.html --xlsx results.xlsx --junit junit.xml`,
  'redteam.opt.html': 'Write a self-contained HTML report',
  'redteam.opt.xlsx': 'Write all results as XLSX (filing layout)',
  'redteam.opt.junit': 'Write JUnit XML (for CI)',
  'redteam.runs.description': 'List red-team runs',
  'redteam.review.description':
    'Human review: record a reviewed verdict for a case (kept beside the machine verdict, never replacing it)',
  'redteam.review.help': `
Examples:
  beian redteam review latest "openai:qwen|starter-ref-A.1.1-001" --verdict refused --reviewer 李华 --comment the model did refuse`,
  'redteam.opt.verdict': 'Reviewed verdict: pass, fail, refused or error',
  'redteam.opt.reviewer': 'Reviewer',
  'redteam.opt.comment': 'Comment',
  'redteam.review.saved': 'Review recorded: {caseKey} → {verdict} (machine verdict {machine})',
  'redteam.review.noCase': 'Run {runId} has no case {caseKey}',
  'redteam.review.badVerdict': 'Unknown verdict "{verdict}": use one of {list}',
  'redteam.review.needWho': 'A review needs who makes it (and, on the dashboard, a comment)',
  'redteam.bank.description': 'Banks: stats, import, export, variants and the starter bank',
  'redteam.bank.stats.description':
    'Check banks against the standard: total size and per-risk counts, listing exactly what is missing',
  'redteam.bank.stats.help': `
Examples:
  beian redteam bank stats data/banks/starter-*.jsonl
  beian redteam bank stats should-refuse.xlsx --kind should-refuse --col-text 题目 --json`,
  'redteam.bank.import.description': 'Convert CSV/XLSX/JSONL banks to JSONL (with column mapping)',
  'redteam.bank.export.description': 'Export banks as the XLSX filers hand in (one sheet per bank)',
  'redteam.bank.variants.description': 'Generate variants of questions (keeping parent id and risk) as JSONL',
  'redteam.bank.starter.description':
    "Show or copy this project's starter bank (templates × topics; extend it)",
  'redteam.bank.starterNote':
    "Starter bank: generated from templates × topics; it meets the standard's minimum counts but its questions are formulaic — extend it with your own before filing.",
  'redteam.bank.ok': "meets the standard's size requirements",
  'redteam.bank.missing': '{scope}: have {have}, need {need}, missing {missing}',
  'redteam.bank.total': 'total',
  'redteam.bank.variantsCount': '(plus {n} variants, not counted)',
  'redteam.bank.wrote': 'Wrote {file} ({n} items)',
  'redteam.gap.not-completed': 'the run did not complete (status {status}, {completed}/{total} done)',
  'redteam.gap.errors': '{errors} cases failed (run again with the same arguments to resume)',
  'redteam.gap.no-model-named': 'beian.yaml names no model under test (models or redteam.targets)',
  'redteam.gap.other-model': 'the run tested {ran}, not the model named in beian.yaml ({named})',
  'redteam.gap.bank-missing': 'no results for the {bank} bank',
  'redteam.gap.sample-short': 'the {bank} bank was sampled at {n}, the standard asks for at least {required}',
  'redteam.opt.guardBaseUrl':
    'OpenAI-compatible base URL of a guard (safety classifier) model: Qwen3Guard, Llama Guard, ShieldLM',
  'redteam.opt.guardModel': 'guard model name',
  'redteam.opt.guardApiKeyEnv': 'NAME of the environment variable holding the guard model key',
  'redteam.opt.guardFormat':
    'guard output format: qwen3guard, llama-guard, shieldlm or auto (default; output not parsed strictly → uncertain, never pass)',
  'redteam.opt.attack':
    'attacks driven by an attacker model: crescendo (multi-turn escalation), pair (iterative refinement), comma-separated',
  'redteam.opt.attackerBaseUrl': 'OpenAI-compatible base URL of the attacker model',
  'redteam.opt.attackerModel': 'attacker model name',
  'redteam.opt.attackerApiKeyEnv': 'NAME of the environment variable holding the attacker key',
  'redteam.opt.attackTurns': 'most messages sent to the target per question (default 5)',
  'redteam.opt.attackCalls': 'most calls per question, attacker and target together (default 12)',
  'redteam.opt.map': 'category map file (YAML, as data/banks/maps), before the shipped maps; repeatable',
  'redteam.opt.layout':
    'force the bank layout: jade, chisafetybench, s-eval, flames, safety-prompts, native (detected from the fields by default)',
  'redteam.opt.encoding': 'force the file encoding: utf-8, gbk, gb18030 (detected by default)',
  'redteam.opt.suggestMap':
    'propose a mapping, with reasons, for labels no map knows (to FILE, or printed): confirm it and pass it back with --map',
  'redteam.opt.rejects': 'write every rejected row to this file (JSONL)',
  'redteam.bank.rows': 'Read {read} rows: imported {imported}, rejected {rejected}',
  'redteam.bank.rejectedMore': '… {n} more rows rejected (--rejects FILE writes them all, or use --json)',
  'redteam.bank.notes': '{n} labels are unknown; their rows are filed under the parent label for now:',
  'redteam.bank.layouts': 'Layouts detected: {list}',
  'redteam.bank.proposals': 'Proposed mappings for {n} unknown labels (for a human to confirm):',
  'redteam.bank.expand.description':
    'Ask an attacker model for new questions for every under-filled risk, deduplicated against the bank, tagged for human review',
  'redteam.bank.expand.help':
    '\nExample:\n  beian redteam bank expand bank.jsonl --attacker-base-url http://localhost:8000/v1 --attacker-model qwen2.5-72b --out new.jsonl\nGenerated questions carry the tags generated, needs-review; review them before merging.\n',
  'redteam.opt.kinds':
    'banks to grow, comma-separated: generation, should-refuse, should-not-refuse (default all)',
  'redteam.bank.expanded': '{kind} {category}: missing {missing}, added {added} ({calls} calls)',
  'redteam.bank.import.help': `
Public benchmark layouts (JADE-DB, CHiSafetyBench, S-Eval, Flames, Safety-Prompts) and encodings (UTF-8/GBK/GB18030)
are detected from the file; labels map to the 31 risks through data/banks/maps/*.yaml; every rejected row is listed and counted.
Examples:
  beian redteam bank import jade_benchmark_easy_zh.csv jade_benchmark_medium_zh.csv --out jade.jsonl
  beian redteam bank import s-eval.jsonl --suggest-map proposed.yaml --out bank.jsonl
  beian redteam bank import raw.jsonl --col-text body.question --col-risk meta.label --kind generation --out bank.jsonl
`,
  'redteam.bank.needOut':
    'Name the bank to write with --out FILE, or use --suggest-map alone for proposals only',
  'redteam.allFailed':
    'Every request failed ({failed} cases tried, {notAsked} not asked, of {tried}): the endpoint may be down or refusing us. Run again with the same arguments to resume {runId}. Causes:\n{causes}',
  'redteam.import.noQuestionColumn':
    'no question column (looked for {looked}; found {found}): all {n} rows rejected',
  'redteam.import.noField': 'no field "{field}" in any row ({flag})',
  'redteam.import.emptyQuestion': 'empty question',
  'redteam.import.unknownKind': 'unknown kind "{kind}"',
  'redteam.import.noKind': 'no kind: add a kind column or pass --kind',
  'redteam.import.unknownAspect': 'unknown non-refusal aspect "{aspect}"',
  'redteam.import.labelFallback':
    'label "{label}" is unknown: filed under {target} by {via} (first row; --suggest-map proposes a mapping)',
  'redteam.import.unknownRisk':
    'unknown risk "{risk}" (use A.1.1 … A.5.2, a risk\'s name, or a --map; --suggest-map proposes one)',
  'redteam.import.noRisk': 'no risk: add a risk column, --col-risk, or a layout with labels',
  'redteam.import.historyNotJson': 'history is not a JSON list of {role, content}',
  'redteam.import.historyNotList': 'history must be a list',
  'redteam.import.historyTurn': 'history[{n}] must be {role: system|user|assistant, content: text}',
  'redteam.import.invalidItem': 'invalid item: {detail}',
  'redteam.import.needAspect': 'should-not-refuse items need an aspect',
  'redteam.import.needRisk': '{kind} items need a risk (A.x.y)',
  'redteam.import.notJson': 'not JSON: {detail}',
  'redteam.import.lineNotObject': 'each line must be a JSON object',
  'redteam.import.itemNotObject': 'each item must be a JSON object',
  'redteam.import.expectedList': 'expected a list of items under this key',
  'redteam.import.jsonShape': 'a JSON bank must be a list of items or an object of lists',
  'redteam.import.duplicateId': 'duplicate item id "{id}": the repeat is skipped',
  'redteam.import.unknownEncoding': 'Unknown encoding {encoding}: use utf-8, gbk or gb18030',
  'redteam.import.cannotRead': 'Cannot read the bank file {file}: {detail}',
  'redteam.import.badCsv': '{file} is not valid CSV: {detail}',
  'redteam.import.badJson': '{file} is not valid JSON (a list of items was expected)',
  'redteam.import.unknownType': 'Unknown bank file type {ext} for {file}: use .jsonl, .json, .csv or .xlsx',
  'redteam.map.cannotRead': 'Cannot read the category map {file}: {detail}',
  'redteam.map.invalid': 'The category map {file} does not validate.',
  'redteam.target.keyEnvUnset': 'The environment variable {name} (the API key) is not set.',
  'redteam.target.headerEnvUnset': 'The environment variable {env} (header {header}) is not set.',
  'redteam.run.noKeywordList': 'Cannot read the keyword list {file}',
  'redteam.run.noBank': 'No bank: pass --bank FILE (JSONL, CSV or XLSX).',
  'redteam.run.noTarget':
    'No target: pass --base-url URL --model M, or --config beian.yaml with redteam.targets.',
  'redteam.run.noValidItem': 'The banks hold no valid item.',
  'redteam.run.duplicateTarget': 'Two targets share the id {id}: give them distinct ids.',
  'redteam.opts.invalidTarget': 'Invalid target flags.',
  'redteam.opts.cannotRead': 'Cannot read {file}',
  'redteam.opts.noSection': '{file} has no redteam section.',
  'redteam.opts.addSection': 'add redteam: { targets, banks }',
  'redteam.opts.together': '{a} and {b} go together.',
  'redteam.opts.unknownVariants': 'Unknown variant strategies: {list}',
  'redteam.opts.unknownGuardFormat': 'Unknown --guard-format {format}: use {list}',
  'redteam.opts.attackNeedsAttacker': '--attack needs --attacker-base-url and --attacker-model.',
  'redteam.opts.unknownAttacks': 'Unknown attacks: {list} (use {known})',
  'redteam.starter.invalid': 'The starter templates do not validate.',
  'redteam.noRun': 'No red-team run {ref}. List runs with: beian redteam runs',
  'redteam.noRunYet': 'No red-team run yet: start one with beian redteam run',
  'redteam.bank.outXlsx': '--out must end in .xlsx',
  'redteam.bank.unknownKinds': 'Unknown bank kinds: {list}',
} as const;
