export const audit = {
  'audit.description':
    '算法自评估与公平性审计：价格歧视（大数据杀熟）、结果差异、关闭个性化后的结果不变性、自评估清单',
  'audit.price.description': `检测同一商品在同一时间窗内不同用户群体的价格差异（大数据杀熟）。

示例：
  beian audit price orders.csv --item sku --price price --group user_type --time ts --window 1d
  beian audit price orders.jsonl --item sku --price price --group device --reference android --json
  beian audit price orders.csv --item sku --price price --group user_type --html price.html

退出码：0 未发现问题 · 1 发现标记 · 2 输入有误（列名不符、无法解析的数值，附行号；其余行照常审计）`,
  'audit.disparity.description': `按受保护属性比较结果：统计均等差、差异影响比（低于 0.8 标记）、机会均等差（有标签时）、排序曝光。

示例：
  beian audit disparity loans.csv --outcome approved --group gender --group age_band
  beian audit disparity loans.csv --outcome approved --label repaid --group gender --json
  beian audit disparity feed.jsonl --rank position --group region --html exposure.html`,
  'audit.optout.description': `关闭个性化后，推荐结果不应随用户画像变化：逐个画像调用推荐接口，比较结果重合度（Jaccard、RBO、Kendall）。

示例：
  beian audit optout --endpoint http://127.0.0.1:8080/recommend --profiles profiles.jsonl
  beian audit optout --endpoint https://api.example.com/rec --profiles p.jsonl \\
    --request-template template.json --items-path data.items --min-jaccard 0.95 --json`,
  'audit.checklist.description': `按《算法推荐管理规定》《深度合成管理规定》《生成式人工智能服务管理暂行办法》逐项自评估：读取 beian.yaml 的 checklist 部分，计算完整度，列出缺口。

示例：
  beian audit checklist --config beian.yaml
  beian audit checklist --config beian.yaml --service shop-search --json`,
  'audit.opt.item': '商品（或服务项）列名',
  'audit.opt.price': '成交价格列名',
  'audit.opt.group': '用户分组列名（如新老用户、设备、会员）；disparity 可重复给出多个受保护属性',
  'audit.opt.time': '时间列名（ISO 8601 或 Unix 时间戳）',
  'audit.opt.window': '比较的时间窗，如 1h、1d、7d（默认 1d，需 --time）',
  'audit.opt.reference': '参照组取值（默认：价格审计取行数最多的组，差异审计取结果率最高的组）',
  'audit.opt.seed': '随机种子：相同输入与种子得到相同结果',
  'audit.opt.format': '输入格式（默认按扩展名判断）',
  'audit.opt.html': '同时写出带图表的 HTML 报告',
  'audit.opt.noSave': '不把结果存入数据库',
  'audit.opt.outcome': '二元结果列名（通过/展示等，取值 1/0、true/false、是/否）',
  'audit.opt.label': '真实标签列名（如是否合格），用于机会均等差',
  'audit.opt.rank': '排序位置列名（从 1 开始），用于曝光分析',
  'audit.opt.endpoint': '推荐接口 URL',
  'audit.opt.profiles': '用户画像文件（JSONL，每行一个画像对象）',
  'audit.opt.template':
    '请求模板（JSON 文件）：{ method, headers, body }，body 中 "{{profile}}" 替换为画像，{{profile.字段}} 替换为字段值',
  'audit.opt.itemsPath': '响应中推荐列表的路径，如 items 或 data.items（元素为字符串或含 id 的对象）',
  'audit.opt.idField': '列表元素为对象时的 ID 字段（默认 id）',
  'audit.opt.minJaccard': '最小两两 Jaccard 重合度（默认取自数据文件）',
  'audit.opt.topK': '只比较前 K 个结果（默认全部）',
  'audit.opt.concurrency': '并发请求数',
  'audit.opt.timeout': '单次请求超时（毫秒）',
  'audit.opt.config': '项目文件 beian.yaml',
  'audit.opt.service': '只评估此服务',
  'audit.rows': '读取 {rows} 行，有效 {valid} 行，格式错误 {bad} 行',
  'audit.malformed': '格式错误的行（审计已跳过它们，其余照常）：',
  'audit.malformedMore': '…另有 {n} 行',
  'audit.noFlags': '未发现问题。',
  'audit.flags': '发现 {n} 个标记：',
  'audit.saved': '结果已存入 {db}（编号 {id}）',
  'audit.h.group': '组',
  'audit.h.reference': '参照组',
  'audit.h.cells': '单元',
  'audit.h.effect': '相对价差',
  'audit.h.ci': '95% 区间',
  'audit.h.p': 'p 值',
  'audit.h.test': '检验',
  'audit.h.flag': '标记',
  'audit.h.metric': '指标',
  'audit.h.value': '值',
  'audit.h.n': '行数',
  'audit.h.rate': '结果率',
  'audit.h.exposure': '曝光占比',
  'audit.h.item': '商品',
  'audit.h.checklistItem': '自评估条目',
  'audit.h.q': 'q 值',
  'audit.h.windows': '主要时间窗',
  'audit.price.drivers': '驱动差异的商品（Benjamini–Hochberg 控制错误发现率）：',
  'audit.attribute': '属性 {attribute}（参照组 {reference}）',
  'audit.small': '（样本过小，只报告）',
  'audit.optout.summary':
    '{profiles} 个画像，{pairs} 对比较：Jaccard 最小 {min}，平均 {mean}；RBO 平均 {rbo}；Kendall 平均 {kendall}（下限 {bound}）',
  'audit.optout.pass': '关闭个性化后，结果与画像无关。',
  'audit.optout.fail': '关闭个性化后，结果随画像变化：',
  'audit.checklist.summary':
    '{service}：适用 {applicable} 项，已答 {answered} 项（完整度 {completeness}），符合 {yes} 项，必答缺口 {gaps} 项',
  'audit.checklist.gaps': '缺口：',
  'audit.checklist.noConfig': '{file} 中没有 checklist 部分：请按文档添加（见 docs/fairness.md）。',
  'audit.gap.unanswered': '未作答',
  'audit.gap.failed': '不符合',
  'audit.gap.noEvidence': '缺少证据',
  'audit.gap.partial': '部分符合',
  'audit.gap.auditFailed': '自动审计有标记',
  'audit.wroteHtml': '已写出 HTML 报告 {file}',
  'audit.optout.notObject': '这一行不是 JSON 对象（每行应是一个画像对象 {…}）',
  'audit.optout.badLine': '{reason}',
  'audit.optout.notProfiles': '{file} 中有些行不是用户画像。',
  'audit.optout.tooFew': '{file} 至少需要两个用户画像才能比较。',
  'audit.optout.profileCount': '只有 {n} 个画像',
  'audit.optout.badTemplate': '{file}：格式应为 { "method", "headers", "body" }。',
  'audit.optout.noAttempt': '未发出请求',
  'audit.optout.http': '接口返回 HTTP {status}',
  'audit.optout.noList': '响应中 “{path}” 处没有列表',
  'audit.optout.callError': '请求失败：{reason}',
  'audit.optout.failed': '{endpoint} 对 {n} 个画像调用失败。',
  'audit.checklist.noConfigIssue': '缺少 checklist 部分',
  'audit.checklist.invalid': '{file}：checklist 部分有错误。',
  'audit.log.windowNeedsTime': '--window 需要同时给出 --time：记录每条决策时间的列。',
  'audit.log.badWindow': '--window “{value}” 不是时长，应形如 30m、1h、1d 或 7d。',
  'audit.log.badReference': '--reference “{value}” 不是 {column} 列中的取值。',
  'audit.log.values': '该列的取值：{values}',
  'audit.log.needOutcomeOrRank': '请给出 --outcome（是/否决策）或 --rank（排序中的名次），或两者都给。',
  'audit.log.labelNeedsOutcome': '--label（真实的资格）需要同时给出 --outcome。',
  'audit.data.invalid': '公平性数据未通过校验。',
  'audit.data.inconsistent': '公平性数据前后不一致。',
  'audit.data.dupParameter': '参数重复',
  'audit.data.missingParameter': '缺少此参数',
  'audit.data.dupItem': '条目编号重复',
  'audit.data.idPrefix': '编号须以 “{prefix}” 开头',
  'audit.log.columnsMismatch': '列映射与 {file} 不符。',
  'audit.log.noColumn': '没有列 “{column}”；文件中的列为：{available}',
  'audit.log.noColumnNone': '没有列 “{column}”；文件中没有任何列',
  'audit.log.empty': '{file} 是空文件：没有表头行。',
  'audit.log.noHeader': '没有表头行',
  'audit.checklist.noService': 'services 中没有服务 “{id}”',
  'audit.checklist.unknownItem': '未知的自评估清单条目 “{id}”',
} as const;
