/** AI content labels (GB 45438-2025): the AIGC value, placements per container, explicit labels. */
export {
  AIGC_FIELDS,
  type AigcField,
  type AigcValue,
  firstBadChar,
  type IssueCode,
  type LabelClass,
  type LabelIssue,
  parseAigc,
  serializeAigc,
  validateAigc,
} from './aigc.js';
export { findRhythm, type Rhythm, rhythmPcm } from './explicit-audio.js';
export { IMAGE_POSITIONS, type ImagePosition, imageLabelLayout } from './explicit-image.js';
export {
  checkTextLabel,
  createTextLabeler,
  isTextLabel,
  type TextLabelCheck,
  type TextLabeler,
  type TextPosition,
} from './explicit-text.js';
export {
  type Codec,
  codecs,
  type FormatId,
  type FoundLabel,
  SIDECAR_SUFFIX,
  sniff,
} from './formats/index.js';
export { checkIntegrity, digestPieces } from './integrity.js';
export {
  buildValue,
  classifyForPlatform,
  type ImplicitVerdict,
  judgeImplicit,
  propagatedValue,
  withIntegrity,
} from './judge.js';
export { LabellingKb } from './kb.js';
export { checkProviderCode, isCreditCode, type ProviderCode } from './provider-code.js';
export { type ByteSource, bufferSource, LabelFormatError, type Piece, type Range } from './source.js';
