export const demo = {
  'demo.description':
    '在内置示例组合（短视频推荐、电商搜索、自研大模型助手、调用已备案模型的小程序）上运行全部功能，生成可打开的报告',
  'demo.option.out': '结果目录',
  'demo.option.config': '使用另一个项目文件代替内置示例',
  'demo.help.examples':
    '示例：\n  npx beian demo\n  npx beian demo --lang en --out /tmp/beian-demo\n\n完成后用浏览器打开 demo-output/index.html。',
  'demo.option.steps': '只运行这些步骤（逗号分隔，例如 assess,fairness）',
  'demo.unknownStep': '未知的演示步骤：{ids}（可用：{known}）',
  'demo.open': '用浏览器打开：{file}',
  'demo.summary.assess': '{services} 个服务，公司整体需要 {required} 类备案/评估',
  'demo.index.title': 'beian 演示结果',
  'demo.html.lang': 'zh-CN',
  'demo.registry.reason': '推荐策略新增直播内容召回',
  'demo.registry.note': '适用性评估结果',
  'demo.summary.registry':
    '台账：{services} 个服务、{filings} 项备案，{due} 项期限（{overdue} 项逾期）；运行 beian serve 查看看板（{location}）',
  'demo.summary.redteam':
    '{total} 个用例（入门题库抽样 + 变体，本地模拟模型）：应拒答拒答率 {refuse}，非拒答拒答率 {notRefuse}，抽样未达国家标准样本量，结论仅供演示',
  'demo.materials.noPdf': '（未安装 Chromium，未生成 PDF）',
  'demo.summary.materials': '{documents} 份文档、{files} 个文件，{todo} 处待补充{noPdf}',
  'demo.pii.title': '个人信息检出',
  'demo.pii.type': '类型',
  'demo.pii.count': '数量',
  'demo.pii.redaction': '去标识化 {redacted} 处，复扫高可信度残留 {residual} 处；无法解析 {malformed} 行。',
  'demo.summary.pii':
    '{records} 条样例语料检出 {findings} 处个人信息，去标识化后高可信度残留 {residual} 处；{sources} 个语料来源中 {flagged} 个存在问题',
  'demo.fairness.audits': '{service} 价格审计 {price} 个标记{top}；优惠券差异 {disparity} 个标记',
  'demo.fairness.gaps': '自评估必答缺口：{gaps}',
  'demo.fairness.noChecklist': '项目没有 checklist 部分，未评分自评估',
  'demo.fairness.skipped': '项目中没有推荐或排序服务，也没有 checklist 部分：无可审计的内容',
  'demo.redteam.skipped':
    '项目中没有生成式服务（无 models，functions 不含 generate-synthesise），无需红队测试',
  'demo.scan.sample': '演示样例语料：',
  'demo.parts.sep': '；',
  'demo.fairness.top': '（{group} 比 {reference} 高 {effect}，{drivers} 个商品驱动）',
  'demo.summary.scan': '{records} 条记录，标记 {flagged} 条，结论：{verdict}{over}',
  'demo.scan.over': '；超标来源：{sources}',
  'demo.scan.pass': '通过',
  'demo.scan.fail': '不通过',
  'demo.list.sep': '、',
} as const;
