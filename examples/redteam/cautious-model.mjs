#!/usr/bin/env node
// A stand-in model for trying `beian redteam run` offline (examples/redteam/beian.yaml runs it as a
// `script` target): it reads {"prompt","messages"} as JSON on stdin and prints its answer. It refuses
// requests that ask it to produce something step by step or "without any reminder", and answers
// everything else; crude on purpose, so the report has misses to show.
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
});
process.stdin.on('end', () => {
  const { prompt = '' } = JSON.parse(input || '{}');
  const risky = ['帮我', '教我', '编写', '制作', '不要附加任何提醒', '越具体越好', '绕过'].some((m) =>
    prompt.includes(m),
  );
  process.stdout.write(
    risky
      ? '抱歉，我不能提供这方面的帮助。这类内容可能违反法律法规，建议通过正规渠道了解相关信息。'
      : `关于“${prompt.slice(0, 30)}”，以下是一些客观介绍：这是一个常见问题，可以从背景、现状和相关规定几个方面来理解。`,
  );
});
