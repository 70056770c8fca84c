import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BeianError } from '../../errors.js';
import { loadPiiDictionaries } from '../../pii/index.js';
import {
  MODEL_VERSION,
  ModelVersionError,
  parseModel,
  parseTrainingBio,
  parseTrainingJsonl,
  type SequenceModel as SequenceDetectorModel,
  serializeModel,
  type TrainingIssue,
  type TrainingSentence,
  trainModel,
  usedBuckets,
} from '../../pii/model/index.js';
import { appendAll } from '../../util/array.js';

export interface PiiTrainOptions {
  inputs: readonly string[];
  out: string;
  epochs?: number;
  /** recorded in the weights file: what the data was and under which licence the user holds it */
  trainedOn?: string;
  onEpoch?: (epoch: number, errors: number) => void;
}

export interface PiiTrainReport {
  sentences: number;
  spans: { 'person-name': number; address: number };
  features: number;
  epochs: number;
  out: string;
  issues: Array<{ file: string } & TrainingIssue>;
}

/**
 * Trains the optional name/address sequence model on labelled data the user holds the rights to
 * (JSONL with spans or CLUENER-shaped labels, or character-per-line BIO files) and writes the
 * weights file atomically. Offline; nothing is downloaded. Weights are the user's: beian ships none.
 */
export async function trainPiiModel(o: PiiTrainOptions): Promise<PiiTrainReport> {
  const sentences: TrainingSentence[] = [];
  const issues: PiiTrainReport['issues'] = [];
  for (const file of o.inputs) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw BeianError.of('NOT_FOUND', 'pii.train.notFound', { file });
    }
    const bio = !/^\s*\{/.test(text);
    const r = bio ? parseTrainingBio(text) : parseTrainingJsonl(text);
    appendAll(sentences, r.sentences);
    for (const i of r.issues) issues.push({ file, ...i });
  }
  const spans = { 'person-name': 0, address: 0 };
  for (const s of sentences) for (const sp of s.spans) spans[sp.type]++;
  if (spans['person-name'] + spans.address === 0) throw BeianError.of('USAGE', 'pii.train.noSpans');
  const epochs = o.epochs ?? 8;
  const model = trainModel(sentences, loadPiiDictionaries(), {
    epochs,
    ...(o.onEpoch ? { onEpoch: o.onEpoch } : {}),
  });
  const tmp = join(dirname(o.out), `.${process.pid}.${Date.now()}.tmp`);
  await writeFile(tmp, JSON.stringify(serializeModel(model, o.trainedOn)));
  await rename(tmp, o.out);
  return {
    sentences: sentences.length,
    spans,
    features: usedBuckets(model).length,
    epochs,
    out: o.out,
    issues,
  };
}

/** Reads a weights file written by trainPiiModel (validated; a bad file is a usage error naming it). */
export async function loadPiiModel(file: string): Promise<SequenceDetectorModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw BeianError.of('USAGE', 'pii.model.unreadable', { file }, { cause });
  }
  try {
    return parseModel(json);
  } catch (cause) {
    if (cause instanceof ModelVersionError)
      throw BeianError.of(
        'USAGE',
        'pii.model.oldVersion',
        { file, found: String(cause.found), version: MODEL_VERSION },
        { cause },
      );
    throw BeianError.of('USAGE', 'pii.model.invalid', { file }, { cause });
  }
}

/** The same, synchronously, for worker threads (the file was validated by the main thread). */
export function loadPiiModelSync(file: string): SequenceDetectorModel {
  return parseModel(JSON.parse(readFileSync(file, 'utf8')));
}
