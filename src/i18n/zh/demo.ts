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
} as const;
