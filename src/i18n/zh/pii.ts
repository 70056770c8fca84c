/** `beian pii` and `beian sources` messages (Simplified Chinese). */
export const pii = {
  'pii.description':
    '检测语料中的个人信息（身份证、手机号、银行卡、统一社会信用代码、姓名、地址等）并去标识化',
  'pii.help.examples': `示例：
  beian pii data/corpus.jsonl                      统计各类个人信息
  beian pii data/ --field content --field user.phone --json
                                                    只扫描这些 JSONL 字段（默认全部字段），JSON 输出
  beian pii data/ --findings findings.jsonl        每处发现写一行（仅脱敏值，不含原文）
  beian pii data/ --redact --out clean/            写出去标识化副本（格式不变）并复扫残留
  BEIAN_PII_KEY=... beian pii data/ --redact --out clean/ --config beian.yaml
                                                    按 beian.yaml 的 pii 配置（可用密钥化假名）
  beian pii /shared/data --redact --out /shared/clean --queue redis://10.0.0.1:6379 --db postgres://beian@10.0.0.1/beian
                                                    切分为分片，由所有 beian worker 执行（报告与文件与本机运行相同）

类型：cn-id-card cn-mobile cn-landline bank-card cn-uscc passport cn-travel-permit cn-plate
      email ip mac url-credentials person-name address
可信度：high（校验通过/格式严格）、medium、possible（校验失败或缺少上下文）`,
  'pii.option.model': '另用一个自行训练的姓名/地址模型（beian pii-train 生成的权重文件），与规则一同运行',
  'pii.train.description': '用你有权使用的标注数据训练可选的姓名/地址序列模型（离线；beian 不附带任何权重）',
  'pii.train.option.out': '写出的权重文件（JSON）',
  'pii.train.option.epochs': '训练轮数（默认 15）',
  'pii.train.option.trainedOn': '记入权重文件的数据说明（数据集与许可）',
  'pii.train.help': `数据格式：
  JSONL：{"text": "…", "spans": [{"type": "person-name", "start": 3, "end": 6}]}（end 不含）
         或 CLUENER 形式 {"text": "…", "label": {"name": {…}, "address": {…}}}
  BIO：每行“字 标签”（B-PER、I-PER、B-ADDR…），句间空行
示例：
  beian pii-train ours.jsonl --out pii-model.json --trained-on "内部客服记录 2025，自有数据"
  beian pii corpus.jsonl --model pii-model.json`,
  'pii.train.notFound': '找不到训练数据：{file}',
  'pii.train.noSpans': '训练数据中没有任何已标注的姓名（person-name）或地址（address）片段。',
  'pii.model.unreadable': '无法读取模型文件 {file}：不是 JSON 权重文件。',
  'pii.model.oldVersion':
    '模型文件 {file} 由另一版本的 beian 写出（权重格式 {found}，本版本读取 {version}），请用 beian pii-train 重新训练。',
  'pii.model.invalid': '模型文件 {file} 不是 beian 的个人信息模型权重文件。',
  'pii.train.needsOut': '请用 --out 指定权重文件',
  'pii.train.progress': '训练模型',
  'pii.train.done':
    '已用 {sentences} 句（姓名 {names}、地址 {addresses}）训练，{features} 个特征，写入 {out}',
  'pii.option.format': '输入格式（默认按扩展名）：jsonl、txt 或 csv',
  'pii.option.field':
    '只扫描此 JSONL 字段（点路径，如 data.content，含其嵌套值）或 CSV 列；可重复；默认扫描全部字段和列',
  'pii.option.encoding': '强制编码：utf8、gbk 或 gb18030（默认自动识别）',
  'pii.option.findings': '把每处发现写入此 JSONL 文件（文件、行、类型、偏移、可信度、脱敏值）',
  'pii.option.redact': '去标识化：写出副本到 --out 目录',
  'pii.option.out': '去标识化副本的输出目录',
  'pii.option.config': '项目文件（默认当前目录的 beian.yaml，若存在），读取其中的 pii 配置',
  'pii.option.jobs': '扫描线程数：本线程加 N−1 个工作线程（默认每 16 MiB 输入一个，最多全部 CPU 核心）',
  'pii.option.noSave': '不把报告保存到数据库',
  'pii.redactNeedsOut': '--redact 需要 --out <目录>',
  'pii.outNeedsRedact': '--out 仅与 --redact 一起使用：加上 --redact 才会在该目录写出去标识化副本',
  'pii.progress': '扫描个人信息',
  'pii.summary': '{records} 条记录 · {bytes} · 发现 {findings} 处个人信息',
  'pii.header.type': '类型',
  'pii.header.label': '名称',
  'pii.header.count': '数量',
  'pii.confidence': '可信度：high {high} · medium {medium} · possible {possible}',
  'pii.examples': '示例（已脱敏）：',
  'pii.malformed': '{n} 处无法解析的内容（已跳过，其余照常处理）：',
  'pii.malformedMore': '……另有 {n} 处，见 --json 输出',
  'pii.redaction': '去标识化：已处理 {redacted} 处 → {out}；复扫高可信度残留 {residual} 处（残留率 {rate}）',
  'pii.residualFail': '去标识化后仍检出高可信度个人信息：请检查策略（keep？）与配置。',
  'pii.findingsWritten': '发现明细已写入 {file}',
  'pii.saved': '报告已保存（编号 {id}）',
  'pii.bySource': '按来源（可填入台账 lastScan.pii）：',
  'pii.none': '未发现个人信息。',
  'sources.description': '训练语料来源台账：许可、授权、爬取依据、个人信息、境外来源与违法不良率检查',
  'sources.check.description': '检查来源台账并计算来源构成；存在问题时退出码为 1',
  'sources.import.description': '读取 CSV/YAML 台账，校验后输出为 YAML（可粘贴到 beian.yaml 的 sources 段）',
  'sources.help.examples': `示例：
  beian sources check --ledger examples/demo/sources.yaml
  beian sources check --config beian.yaml --json
  beian sources import ledger.csv > sources.yaml

问题代码：missing-licence、missing-authorisation、crawl-without-basis、pi-without-consent、
  pi-undeclared、foreign-not-reviewed、illegal-rate-exceeded（阈值取自知识库
  source.illegal-rate.max）、not-scanned（提示，不导致失败）`,
  'sources.option.ledger': '台账文件（YAML、JSON 或 CSV）；默认读取 beian.yaml 的 sources 段',
  'sources.noLedger': '没有台账：请用 --ledger 指定文件，或在 beian.yaml 中添加 sources 段。',
  'sources.summary': '{sources} 个来源，{flagged} 个存在问题（违法不良率上限 {max}，{standard}）',
  'sources.problems': '问题：',
  'sources.foreign': '境外来源 {n} 个：数据入境不需要数据出境安全评估，适用以下要求：',
  'sources.ok': '所有来源均满足检查项。',
  'sources.noList': '{file} 中没有 “sources:” 列表。',
  'sources.issue.noList': '缺少 “sources:” 列表',
  'sources.badCsv': '{file} 不是有效的 CSV 文件。',
  'sources.issue.csv': 'CSV 格式错误（列数不一致或引号未闭合）',
  'sources.issue.notYesNo': '“{value}” 不是 是/否（yes/no）',
  'sources.issue.notNumber': '“{value}” 不是数字',
  'sources.issue.notTypeCount': '“{value}” 应写成 类型=数量（type=count）',
  'sources.badCells': '{file} 中有无效的单元格。',
  'sources.invalidLedger': '{file} 不是有效的数据来源台账。',
  'pii.keyFileUnreadable': '无法读取假名化密钥文件 {file}。',
  'pii.keyNeededOrFile':
    '假名化（pseudonym）策略需要至少 16 字节的密钥：请设置环境变量 {env}，或在 {file} 中写入密钥。',
  'pii.keyNeeded': '假名化（pseudonym）策略需要至少 16 字节的密钥：请设置环境变量 {env}。',
  'pii.inputNotFound': '找不到输入：{input}',
  'pii.outOverwrites': '--out 会覆盖输入文件 {file}：请换一个输出目录。',
  'pii.dictUnreadable': '无法读取个人信息词典 {file}：{reason}',
  'pii.dictInvalid': '{dir} 中的个人信息词典未通过校验。',
  'sources.cannotReadLedger': '无法读取台账 {file}。',
  'sources.table.yes': '是',
  'sources.table.no': '否',
  'sources.table.unstated': '未说明',
  'sources.table.title': '训练语料来源',
  'sources.table.domestic': '境内',
  'sources.table.foreign': '境外',
  'sources.table.mixTitle': '语料来源构成',
  'sources.dupSource': '来源编号 “{id}” 重复（与第 [{first}] 项相同）',
} as const;
