/** Core CLI messages (Simplified Chinese). Other domains add their own file beside this one. */
export const core = {
  'error.prefix': '错误',
  'error.internal': '内部错误（请报告此问题）：{message}',
  'error.debugHint': '设置 BEIAN_DEBUG=1 可查看堆栈。',
  'cli.description': 'beian（备案）：算法备案与生成式人工智能（大模型）备案工具箱',
  'cli.option.lang': '输出语言：zh（默认）或 en',
  'cli.option.db':
    '数据库：SQLite 文件路径或 postgres:// 连接串（默认 .beian/beian.db，或环境变量 BEIAN_DB）',
  'list.sep': '、',
  'cli.option.version': '显示 beian 的版本号',
  'cli.option.json': '以 JSON 输出（供脚本与 CI 使用）',
  'cli.wrote': '已写入 {file}',
  'cli.unknownLang': '不支持的语言 “{value}”：可用 zh 或 en',
  'confidence.verified': '已核实',
  'confidence.corroborated': '多方印证',
  'confidence.unverified': '未经核实',
} as const;
