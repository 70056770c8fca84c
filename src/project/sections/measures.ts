import { z } from 'zod';

/**
 * `measures:` — the organisation's safety management measures, in its own words. They fill
 * 落实算法安全主体责任基本情况 and the safety-measures chapter of the generative-AI assessment; each
 * one left out becomes a visible "to complete" box, never invented text.
 */
export const Measures = z
  .object({
    /** 算法安全自评估制度 */
    selfAssessment: z.string().optional(),
    /** 算法安全监测 / 信息内容安全管理 */
    monitoring: z.string().optional(),
    /** 安全事件应急处置 */
    incidentResponse: z.string().optional(),
    /** 违法违规处置 */
    violationHandling: z.string().optional(),
    /** 数据安全与个人信息保护 */
    dataSecurity: z.string().optional(),
    /** 科技伦理审查 */
    ethicsReview: z.string().optional(),
    /** 人员与培训 */
    staffing: z.string().optional(),
    /** 用户权益保护（关闭个性化、标签管理、说明） */
    userRights: z.string().optional(),
    /** 投诉举报渠道: how and where users complain */
    complaintChannel: z.string().optional(),
    /** 未成年人保护 */
    minors: z.string().optional(),
    /** 关键词拦截 */
    keywordBlocking: z.string().optional(),
    /** 拒答策略 */
    refusalPolicy: z.string().optional(),
    /** 违规用户处置（连续或累计输入违法信息后暂停服务） */
    abusiveUsers: z.string().optional(),
    /** 生成合成内容标识（显式、隐式） */
    labelling: z.string().optional(),
    /** 用户真实身份信息认证 */
    identityVerification: z.string().optional(),
  })
  .strict();
export type Measures = z.infer<typeof Measures>;
