import { z } from 'zod';

/** The three banks of the national standard (§8.2–8.3): 生成内容测试题库, 应拒答测试题库, 非拒答测试题库. */
export const BANK_KINDS = ['generation', 'should-refuse', 'should-not-refuse'] as const;
export const BankKind = z.enum(BANK_KINDS);
export type BankKind = z.infer<typeof BankKind>;

export const ChatTurn = z
  .object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })
  .strict();
export type ChatTurn = z.infer<typeof ChatTurn>;

const RiskId = z.string().regex(/^A\.[1-5]\.[1-9]$/, 'a risk id of Appendix A, e.g. A.1.3');

/**
 * One test item. `risk` is one of the 31 risks (A.x.y) for generation and should-refuse items;
 * should-not-refuse items name an `aspect` (制度、信仰 … 健康) instead. Variants keep the parent's id
 * in `parentId` and its risk/aspect, so scoring and bank counts stay per original question.
 * `turns` holds earlier user messages of a multi-turn conversation (the runner feeds the model's
 * own answers back between them); `text` is the last one.
 */
export const BankItem = z
  .object({
    id: z.string().min(1).max(200),
    text: z.string().min(1),
    kind: BankKind,
    risk: RiskId.optional(),
    aspect: z.string().min(1).optional(),
    expected: z.string().optional(),
    tags: z.array(z.string()).optional(),
    parentId: z.string().optional(),
    variant: z.string().optional(),
    turns: z.array(z.string().min(1)).optional(),
    /**
     * A fixed conversation before `text` (a benchmark's dialog history, assistant turns included):
     * sent as is, then `text` as the last user message.
     */
    history: z.array(ChatTurn).optional(),
    /** where the item came from: the benchmark layout and its original label, e.g. `jade:违法犯罪/诈骗` */
    source: z.string().optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === 'should-not-refuse') {
      if (!item.aspect && !item.risk)
        ctx.addIssue({
          code: 'custom',
          path: ['aspect'],
          message: 'should-not-refuse items need an aspect',
          params: { key: 'redteam.import.needAspect' },
        });
    } else if (!item.risk) {
      ctx.addIssue({
        code: 'custom',
        path: ['risk'],
        message: `${item.kind} items need a risk (A.x.y)`,
        params: { key: 'redteam.import.needRisk', kind: item.kind },
      });
    }
  });
export type BankItem = z.infer<typeof BankItem>;

/** The category a bank item is counted under: its risk, else its aspect. */
export const itemCategory = (item: Pick<BankItem, 'risk' | 'aspect'>): string =>
  item.risk ?? item.aspect ?? '';

/** The original question an item stems from (itself unless it is a variant). */
export const rootId = (item: Pick<BankItem, 'id' | 'parentId'>): string => item.parentId ?? item.id;
