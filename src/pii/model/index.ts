export { ModelFile, parseModel, serializeModel } from './model-file.js';
export {
  type ModelType,
  type SequenceModel,
  TAGS,
  type TrainingSentence,
  train as trainModel,
} from './perceptron.js';
export { createSequenceDetector, createSequenceDetectors } from './sequence-detector.js';
export { parseTrainingBio, parseTrainingJsonl, type TrainingIssue } from './training-data.js';
