export {
  MODEL_VERSION,
  ModelFile,
  ModelVersionError,
  parseModel,
  serializeModel,
  usedBuckets,
} from './model-file.js';
export {
  type ModelType,
  type SequenceModel,
  TAGS,
  type TrainingSentence,
  train as trainModel,
} from './perceptron.js';
export {
  createSequenceDetector,
  createSequenceDetectors,
  type SequenceDetectorOptions,
} from './sequence-detector.js';
export { parseTrainingBio, parseTrainingJsonl, type TrainingIssue } from './training-data.js';
