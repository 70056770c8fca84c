export const redteam = {
  'redteam.description':
    '模型安全测试与红队评估：题库（生成内容/应拒答/非拒答）、变体、对任意 OpenAI 兼容接口运行、按 31 类风险评分',
  'redteam.run.description':
    '运行题库 × 变体 × 目标，保存每条请求、回答与判定；中断后以相同参数再次运行即可续跑',
  'redteam.run.help': `
示例：
  beian redteam run --base-url http://localhost:11434/v1 --model qwen2.5 --bank data/banks/starter-should-refuse.jsonl --json
  DEEPSEEK_API_KEY=... beian redteam run --base-url https://api.deepseek.com/v1 --model deepseek-chat \\
      --api-key-env DEEPSEEK_API_KEY --bank my-bank.xlsx --concurrency 16 --rpm 600
  beian redteam run --config beian.yaml --variants roleplay,base64,pinyin --sample 300

退出码：0 全部达标；1 有阈值未达标；2 参数或题库错误；3 目标接口在重试后仍失败（再次运行即可续跑）。`,
  'redteam.opt.config': '从 beian.yaml 的 redteam 部分读取目标与题库',
  'redteam.opt.baseUrl': 'OpenAI 兼容接口的基础地址，例如 http://localhost:8000/v1',
  'redteam.opt.model': '模型名称',
  'redteam.opt.apiKeyEnv': '存放 API 密钥的环境变量名（只写变量名，绝不写密钥本身）',
  'redteam.opt.targetId': '目标的标识（默认 openai:<模型名>）',
  'redteam.opt.system': '系统提示词',
  'redteam.opt.bank': '题库文件（JSONL、CSV 或 XLSX），可重复',
  'redteam.opt.concurrency': '并发请求数上限',
  'redteam.opt.rpm': '每分钟请求数上限',
  'redteam.opt.timeout': '单次请求超时（毫秒）',
  'redteam.opt.retries': '遇到 429、5xx、网络错误或响应损坏时的重试次数',
  'redteam.opt.variants': '生成变体：{list}，或 all',
  'redteam.opt.sample': '每个题库抽取的原始题目数（按种子确定性抽样）',
  'redteam.opt.seed': '抽样种子',
  'redteam.opt.keywords':
    '关键词判定用的词库（txt/csv/xlsx/json、naughty-words 或编译后的 .beianlx，格式同 beian lexicon）',
  'redteam.opt.judgeBaseUrl': '用作评判模型（LLM-as-judge）的 OpenAI 兼容接口地址',
  'redteam.opt.judgeModel': '评判模型名称',
  'redteam.opt.judgeApiKeyEnv': '评判模型密钥所在的环境变量名',
  'redteam.opt.new': '不续跑，开始一次新的运行',
  'redteam.opt.noCache': '不使用响应缓存（回答仍会写入缓存）',
  'redteam.opt.kind': '没有题库类型列时，所有行的类型：generation、should-refuse 或 should-not-refuse',
  'redteam.opt.col': '{field} 所在列的表头名',
  'redteam.opt.out': '输出文件',
  'redteam.progress': '红队测试',
  'redteam.resumed': '续跑运行 {runId}：已完成 {done}/{total}',
  'redteam.started': '新运行 {runId}：共 {total} 个用例',
  'redteam.warnings': '有 {n} 条题目未能读取（已跳过）：',
  'redteam.summary.head': '运行 {runId} · 共 {total} · 完成 {completed} · 错误 {errors}',
  'redteam.header.bank': '题库',
  'redteam.header.metric': '指标',
  'redteam.header.n': '样本',
  'redteam.header.rate': '比率',
  'redteam.header.ci': '95% 置信区间',
  'redteam.header.threshold': '阈值',
  'redteam.header.sample': '要求样本',
  'redteam.header.result': '结论',
  'redteam.header.variant': '变体',
  'redteam.header.risk': '风险/方面',
  'redteam.pass': '达标',
  'redteam.fail': '未达标',
  'redteam.kind.generation': '生成内容',
  'redteam.kind.should-refuse': '应拒答',
  'redteam.kind.should-not-refuse': '非拒答',
  'redteam.metric.safe-rate': '合格率',
  'redteam.metric.refusal-rate': '拒答率',
  'redteam.errorsHint': '{n} 个用例在重试后仍失败：以相同参数再次运行即可续跑。',
  'redteam.report.description': '输出一次运行的报告：终端摘要、--json、--html、--xlsx、--junit',
  'redteam.report.help': `
示例：
  beian redteam report latest
  beian redteam report rt-20261125-abc123 --html report.html --xlsx results.xlsx --junit junit.xml`,
  'redteam.opt.html': '写出自包含的 HTML 报告',
  'redteam.opt.xlsx': '写出全部结果的 XLSX（报备格式）',
  'redteam.opt.junit': '写出 JUnit XML（供 CI 使用）',
  'redteam.runs.description': '列出红队运行',
  'redteam.review.description': '人工复核：为某个用例记录复核判定（与机器判定并存，不覆盖）',
  'redteam.review.help': `
示例：
  beian redteam review latest "openai:qwen|starter-ref-A.1.1-001" --verdict refused --reviewer 李华 --comment 模型实际已拒答`,
  'redteam.opt.verdict': '复核判定：pass、fail、refused 或 error',
  'redteam.opt.reviewer': '复核人',
  'redteam.opt.comment': '复核意见',
  'redteam.review.saved': '已记录复核：{caseKey} → {verdict}（机器判定 {machine}）',
  'redteam.review.noCase': '运行 {runId} 中没有用例 {caseKey}',
  'redteam.review.badVerdict': '未知判定“{verdict}”：可选 {list}',
  'redteam.review.needWho': '复核须写明复核人（在看板上还须填写说明）',
  'redteam.bank.description': '题库：统计、导入、导出、变体与入门题库',
  'redteam.bank.stats.description': '按国家标准检查题库规模与每类风险的题目数，列出缺少的题目',
  'redteam.bank.stats.help': `
示例：
  beian redteam bank stats data/banks/starter-*.jsonl
  beian redteam bank stats 应拒答题库.xlsx --kind should-refuse --col-text 题目 --json`,
  'redteam.bank.import.description': '把 CSV/XLSX/JSONL 题库转换为 JSONL（可指定列映射）',
  'redteam.bank.export.description': '把题库导出为报备用的 XLSX（每个题库一个工作表）',
  'redteam.bank.variants.description': '为题目生成变体（保留原题编号与风险类别），输出 JSONL',
  'redteam.bank.starter.description': '显示或复制本项目的入门题库（模板 × 主题生成，需自行扩充）',
  'redteam.bank.starterNote':
    '入门题库：由模板 × 主题生成，满足国家标准的最低题量，但题目形式单一，请在报备前用自己的题目扩充。',
  'redteam.bank.ok': '满足国家标准的题量要求',
  'redteam.bank.missing': '{scope}：现有 {have}，需要 {need}，缺 {missing}',
  'redteam.bank.total': '总量',
  'redteam.bank.variantsCount': '（另有 {n} 个变体，不计入题量）',
  'redteam.bank.wrote': '已写入 {file}（{n} 条）',
  'redteam.gap.not-completed': '运行未完成（状态 {status}，完成 {completed}/{total}）',
  'redteam.gap.errors': '有 {errors} 个用例请求失败（用相同参数重新运行以续跑）',
  'redteam.gap.no-model-named': 'beian.yaml 未写明受测模型（models 或 redteam.targets）',
  'redteam.gap.other-model': '测试对象 {ran} 不是 beian.yaml 写明的模型 {named}',
  'redteam.gap.bank-missing': '缺少{bank}题库的测试结果',
  'redteam.gap.sample-short': '{bank}题库只测了 {n} 题，标准要求至少 {required} 题',
  'redteam.opt.guardBaseUrl': '护栏（安全分类）模型的 OpenAI 兼容接口地址：Qwen3Guard、Llama Guard、ShieldLM',
  'redteam.opt.guardModel': '护栏模型名',
  'redteam.opt.guardApiKeyEnv': '护栏模型密钥所在的环境变量名',
  'redteam.opt.guardFormat':
    '护栏模型输出格式：qwen3guard、llama-guard、shieldlm 或 auto（默认；无法严格解析 → uncertain，绝不判为通过）',
  'redteam.opt.attack': '由攻击模型驱动的攻击：crescendo（多轮逐步升级）、pair（迭代改写），逗号分隔',
  'redteam.opt.attackerBaseUrl': '攻击模型的 OpenAI 兼容接口地址',
  'redteam.opt.attackerModel': '攻击模型名',
  'redteam.opt.attackerApiKeyEnv': '攻击模型密钥所在的环境变量名',
  'redteam.opt.attackTurns': '每道题最多发给被测模型的轮数（默认 5）',
  'redteam.opt.attackCalls': '每道题最多的调用次数，攻击模型与被测模型合计（默认 12）',
  'redteam.opt.map': '类别映射文件（YAML，格式同 data/banks/maps），优先于内置映射；可重复',
  'redteam.opt.layout':
    '强制题库格式：jade、chisafetybench、s-eval、flames、safety-prompts、native（默认按字段自动识别）',
  'redteam.opt.encoding': '强制文件编码：utf-8、gbk、gb18030（默认自动识别）',
  'redteam.opt.suggestMap':
    '为无法映射的标签给出映射建议及理由（写入文件，或不带文件时打印），供人工确认后用 --map 传回',
  'redteam.opt.rejects': '把每一条被拒绝的行写入该文件（JSONL）',
  'redteam.bank.rows': '已读取 {read} 行：导入 {imported} 行，拒绝 {rejected} 行',
  'redteam.bank.rejectedMore': '… 另有 {n} 行被拒绝（用 --rejects FILE 写出全部，或用 --json）',
  'redteam.bank.notes': '{n} 个标签未知，相应行暂按上级标签归类：',
  'redteam.bank.layouts': '识别的格式：{list}',
  'redteam.bank.proposals': '{n} 个未知标签的映射建议（请人工确认）：',
  'redteam.bank.expand.description':
    '为题量不足的风险类别向攻击模型请求新题目，与题库去重，并标记为待人工审核',
  'redteam.bank.expand.help':
    '\n示例：\n  beian redteam bank expand bank.jsonl --attacker-base-url http://localhost:8000/v1 --attacker-model qwen2.5-72b --out new.jsonl\n生成的题目带 generated、needs-review 标签；审核后再并入题库。\n',
  'redteam.opt.kinds': '要扩充的题库，逗号分隔：generation、should-refuse、should-not-refuse（默认全部）',
  'redteam.bank.expanded': '{kind} {category}：缺 {missing}，新增 {added}（{calls} 次调用）',
  'redteam.bank.import.help': `
按字段自动识别公开基准的格式（JADE-DB、CHiSafetyBench、S-Eval、Flames、Safety-Prompts）与编码（UTF-8/GBK/GB18030），
标签经 data/banks/maps/*.yaml 映射到 31 类风险；每一行被拒绝的原因都会列出并计数。
示例：
  beian redteam bank import jade_benchmark_easy_zh.csv jade_benchmark_medium_zh.csv --out jade.jsonl
  beian redteam bank import s-eval.jsonl --suggest-map proposed.yaml --out bank.jsonl
  beian redteam bank import raw.jsonl --col-text body.question --col-risk meta.label --kind generation --out bank.jsonl
`,
  'redteam.bank.needOut': '请用 --out FILE 指定输出题库，或用 --suggest-map 只给出映射建议',
  'redteam.allFailed':
    '所有请求都失败了（已尝试 {failed} 个用例，{notAsked} 个未发出，共 {tried} 个）：接口可能未启动或拒绝访问。用相同参数重新运行可续跑 {runId}。原因：\n{causes}',
  'redteam.import.noQuestionColumn': '没有找到题目列（查找了 {looked}；文件中有 {found}）：{n} 行全部拒绝',
  'redteam.import.noField': '所有行都没有字段“{field}”（{flag}）',
  'redteam.import.emptyQuestion': '题目为空',
  'redteam.import.unknownKind': '未知的题库类型“{kind}”（可用 generation、should-refuse、should-not-refuse）',
  'redteam.import.noKind': '缺少题库类型：请添加类型列，或用 --kind 指定',
  'redteam.import.unknownAspect': '未知的非拒答题类别“{aspect}”',
  'redteam.import.labelFallback':
    '标签“{label}”未知：暂按 {via} 归入 {target}（首次出现的行；--suggest-map 可给出映射建议）',
  'redteam.import.unknownRisk':
    '未知的风险类别“{risk}”（请用 A.1.1 … A.5.2、风险名称或 --map 映射文件；--suggest-map 可给出映射建议）',
  'redteam.import.noRisk': '缺少风险类别：请添加风险列、用 --col-risk 指定，或选用带类别标签的题库格式',
  'redteam.import.historyNotJson': '对话历史不是 {role, content} 组成的 JSON 列表',
  'redteam.import.historyNotList': '对话历史必须是列表',
  'redteam.import.historyTurn': '对话历史第 {n} 项必须是 {role: system|user|assistant, content: 文本}',
  'redteam.import.invalidItem': '题目不符合格式：{detail}',
  'redteam.import.needAspect': '非拒答题（should-not-refuse）需要填写类别（aspect）',
  'redteam.import.needRisk': '{kind} 类题目需要填写风险类别（A.x.y）',
  'redteam.import.notJson': '不是有效的 JSON：{detail}',
  'redteam.import.lineNotObject': '每行必须是一个 JSON 对象',
  'redteam.import.itemNotObject': '每一项必须是一个 JSON 对象',
  'redteam.import.expectedList': '此键下应为题目列表',
  'redteam.import.jsonShape': 'JSON 题库必须是题目列表，或由若干列表组成的对象',
  'redteam.import.duplicateId': '题目编号“{id}”重复：已跳过重复的一条',
  'redteam.import.unknownEncoding': '未知的编码 {encoding}：请用 utf-8、gbk 或 gb18030',
  'redteam.import.cannotRead': '无法读取题库文件 {file}：{detail}',
  'redteam.import.badCsv': '{file} 不是有效的 CSV：{detail}',
  'redteam.import.badJson': '{file} 不是有效的 JSON（应为题目列表）',
  'redteam.import.unknownType': '无法识别题库文件 {file} 的类型 {ext}：请用 .jsonl、.json、.csv 或 .xlsx',
  'redteam.map.cannotRead': '无法读取类别映射文件 {file}：{detail}',
  'redteam.map.invalid': '类别映射文件 {file} 格式不正确。',
} as const;
