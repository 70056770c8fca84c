export const materials = {
  'materials.description':
    '生成备案材料（算法基本情况、算法安全自评估报告、拟公示内容、落实主体责任情况、上线备案申请表、安全评估报告、语料标注规则、模型服务协议、关键词列表与测试题集导出；登记表、模型调用协议、显示义务说明；舆论属性安全评估报告）',
  'materials.help': `
示例：
  beian materials --config beian.yaml --out materials/
  beian materials --config beian.yaml --out materials/ --format docx,xlsx,pdf --evidence evidence.json
  beian materials --config beian.yaml --out materials/ --only algorithm-self-assessment --service video-feed
  beian materials check --config beian.yaml          # 列出所有待补充项，缺少必填项时退出码为 1

文档编号：{ids}
若 --db 数据库存在，自动读取其中最近的 scan、pii、redteam、audit 结果（--no-store 不读取）。
缺少的内容在文档中以“待补充”框标出，不会编造。PDF 需要 Chromium（apt-get install chromium fonts-noto-cjk）。`,
  'materials.option.config': '项目文件 beian.yaml 的路径',
  'materials.option.out': '输出目录（每个文档、每种格式一个文件，以文档编号命名）',
  'materials.option.format': '输出格式，逗号分隔：docx,xlsx,md,html,pdf（默认 docx,xlsx,md,html）',
  'materials.option.only': '只生成这些文档（文档编号，逗号分隔）',
  'materials.option.service': '只针对此服务编号',
  'materials.option.evidence': '证据 JSON 文件（判定、扫描、红队、公平性等结果；见 docs/materials.md）',
  'materials.option.noStore': '不读取 --db 数据库中最近保存的结果（语料扫描、个人信息、红队、公平性）',
  'materials.option.templates': '自定义模板目录（覆盖 data/templates 中的同名文件）',
  'materials.check.description':
    'check：检查所有文档：列出缺失字段、超长字段与待补充项；有必填项缺失时退出码为 1',
  'materials.badFormat': '未知格式 “{value}”：可用 {formats}',
  'materials.external': '以下材料不由 beian 生成，须另行准备：',
  'materials.wrote': '已生成 {docs} 个文档、{files} 个文件到 {out}',
  'materials.header.doc': '文档',
  'materials.header.files': '文件',
  'materials.header.todo': '待补充',
  'materials.header.section': '章节',
  'materials.header.item': '事项',
  'materials.header.field': '位置',
  'materials.header.required': '必填',
  'materials.check.ok': '所有必填项均已具备（另有 {optional} 项可选待补充）。',
  'materials.check.failed': '{required} 项必填内容缺失或超长，{optional} 项可选待补充。',
  'materials.yes': '是',
  'materials.cannotReadEvidence': '无法读取证据文件 {file}：{reason}',
  'materials.badEvidence': '{file} 不符合证据文件（evidence）的格式要求。',
  'materials.noChromium':
    '生成 PDF 需要无头 Chromium，但 {path} 不存在。请安装（Debian/Ubuntu：apt-get install -y chromium fonts-noto-cjk），或用环境变量 BEIAN_CHROMIUM 指定其路径，或从 --format 中去掉 pdf。',
  'materials.chromiumFailed': '无法启动 {path} 处的 Chromium：{reason}',
  'materials.template.noTitle': '模板 {file} 缺少标题（title）。',
  'materials.template.noLabel': '模板 {file} 缺少标签 “{key}”。',
  'materials.template.missingLabel': '缺少此标签',
  'materials.template.noSection': '模板 {file} 缺少章节 “{key}”。',
  'materials.template.missingSection': '缺少此章节',
  'materials.template.none': '没有模板 {file}。',
  'materials.cannotReadTemplates': '无法读取模板目录 {dir}：{reason}',
  'materials.templatesInvalid': '部分模板未通过校验。',
  'materials.noService': '项目文件中没有服务 “{id}”。',
  'materials.unknownDocument': '未知文档 “{id}”。可用的文档：{known}',
  'materials.noPrinter': '生成 PDF 需要无头 Chromium，但未提供。',
  'materials.needOut': '请用 --out <目录> 指定输出目录（每个文档、每种格式一个文件）。',
  'materials.unknownAction': 'beian materials {action}：请用 “beian materials check”，或不带子命令',
  'materials.render.required': '{label}（{mark}）',
  'materials.render.colon': '：',
  'materials.render.listSep': '；',
  'materials.render.docxFirstLineIndent': '420',
  'materials.render.section': '章节',
  'materials.render.value': '数值',
  'materials.render.threshold': '阈值',
  'materials.render.about': '说明',
} as const;
