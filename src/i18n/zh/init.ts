export const init = {
  'init.description':
    '写出一个带注释、可通过校验的 beian.yaml 作为起点：在终端中回答问卷，或用 --from-assess 读取已保存的回答',
  'init.option.out': '写入的文件',
  'init.option.fromAssess':
    '从问卷回答文件生成（YAML/JSON：services[].name 与 answers，字段同 beian.yaml），不再提问',
  'init.option.force': '覆盖已存在的文件',
  'init.help':
    '示例：\n  npx beian init                                            （在终端中逐题回答）\n  npx beian init --from-assess answers.yaml --out beian.yaml\n\n写入是原子的（先写临时文件再改名）；已存在的文件只有加 --force 才会被覆盖。\n退出码：0 已写入；2 输入有误或文件已存在。',
  'init.exists': '{file} 已存在，未覆盖。请换一个 --out 路径，或加 --force 覆盖。',
  'init.needInput': '当前不是交互式终端：请用 --from-assess 指定问卷回答文件。',
  'init.header.title': 'beian.yaml：本单位的备案项目文件，由 beian init 于 {date} 生成。',
  'init.header.next':
    '下一步：npx beian assess --input beian.yaml。各字段的说明见 schema/beian.schema.json（编辑器中悬停可见）。',
  'init.unanswered': '以下问题尚未回答（会影响结论的列为“待确认”）：',
  'init.wrote': '已写入 {file}：{n} 个服务。下一步：npx beian assess --input {file}',
  'init.prompt.organisation': '单位名称（与营业执照一致，可留空稍后填写）',
  'init.prompt.another': '还要添加一个服务吗？',
  'init.cannotRead': '无法读取 {file}。',
  'init.notAnswers': '{file} 中不是问卷回答。',
} as const;
