import { z } from 'zod';
import { AlgorithmTypeId } from '../../kb/schema.js';

/** A risk the filer identified for an algorithm and the measure that addresses it (self-assessment). */
export const RiskMeasure = z.object({ risk: z.string().min(1), measure: z.string().min(1) }).strict();
export type RiskMeasure = z.infer<typeof RiskMeasure>;

/** The product an algorithm runs in (filing system: 产品及功能信息). */
export const Product = z
  .object({
    name: z.string().min(1),
    /** App / 网站 / 小程序 / API ... as the filer words it */
    form: z.string().optional(),
    url: z.string().optional(),
    description: z.string().optional(),
  })
  .strict();

/**
 * An algorithm a service runs: the fields of the algorithm filing form (materials, registry).
 * Lengths are not limited here (the file must still parse); the portal's limits are data
 * (data/materials/portal-fields.yaml) and `beian materials check` reports what exceeds them.
 */
export const Algorithm = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    name: z.string().min(1),
    types: z.array(AlgorithmTypeId).optional(),
    role: z.enum(['provider', 'technical-supporter']).optional(),
    /** 应用领域, e.g. 文化娱乐, 电子商务 */
    domain: z.string().optional(),
    principle: z.string().optional(),
    mechanism: z.string().optional(),
    purpose: z.string().optional(),
    scenarios: z.string().optional(),
    dataSources: z.string().optional(),
    /** 服务对象 / user groups */
    users: z.string().optional(),
    /** the model behind the algorithm (详细属性: 模型类型), e.g. 深度神经网络 */
    modelType: z.string().optional(),
    /** how users switch off personalisation and manage their tags (Art. 17) */
    optOut: z.string().optional(),
    product: Product.optional(),
    riskMeasures: z.array(RiskMeasure).optional(),
    /**
     * For dispatch (调度决策类) algorithms: how the rules protect workers (算法推荐管理规定 Art. 20);
     * the self-assessment asks for each whether or not the checklist names workers as a group.
     */
    workerRights: z
      .object({
        orderAllocation: z.string().optional(),
        pay: z.string().optional(),
        workingTime: z.string().optional(),
        rewardsPenalties: z.string().optional(),
      })
      .strict()
      .optional(),
    filingNumber: z.string().optional(),
  })
  .strict();
export type Algorithm = z.infer<typeof Algorithm>;

const CorpusInfo = z
  .object({
    /** number of items (条) */
    items: z.number().int().nonnegative().optional(),
    /** size in tokens or characters, as the filer counts it, e.g. "1.2T tokens" */
    size: z.string().optional(),
    sourceTypes: z
      .array(z.enum(['open-source', 'self-collected', 'commercial', 'user-generated', 'crawled']))
      .optional(),
    description: z.string().optional(),
  })
  .strict();

/** How the annotation corpus is produced (语料标注规则). */
const Annotation = z
  .object({
    team: z.string().optional(),
    /** functional annotation (功能性标注) rules, one per line item */
    functionalRules: z.array(z.string().min(1)).optional(),
    /** safety annotation (安全性标注) rules */
    safetyRules: z.array(z.string().min(1)).optional(),
    qualityCheck: z.string().optional(),
    training: z.string().optional(),
  })
  .strict();

/** A model a service runs or calls: the fields of the generative-AI filing form. */
export const ModelEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    name: z.string().min(1),
    parametersBillions: z.number().nonnegative().optional(),
    baseModel: z.string().optional(),
    /** is the base model itself filed (使用已备案基础模型)? */
    baseModelFiled: z.boolean().optional(),
    functions: z.array(z.string()).optional(),
    domain: z.string().optional(),
    serviceForms: z.array(z.enum(['app', 'web', 'api', 'mini-program', 'other'])).optional(),
    trainingCorpus: CorpusInfo.optional(),
    annotationCorpus: CorpusInfo.optional(),
    annotation: Annotation.optional(),
    /** inference compute, e.g. "GPU 服务器 64 卡" */
    inferenceCompute: z.string().optional(),
    /** cloud or data-centre where it runs */
    cloud: z.string().optional(),
    /** the minimum user age the service admits (模型服务协议, minors) */
    minUserAge: z.number().int().nonnegative().optional(),
    filingNumber: z.string().optional(),
  })
  .strict();
export type ModelEntry = z.infer<typeof ModelEntry>;
