// The model layer's public API. Node-only helpers (fileHandler, backendNode) and the browser
// backend setup (backendBrowser) are imported from their own files so each side bundles cleanly.
export {
  PRESETS,
  makeConfig,
  configProblem,
  type TransformerConfig,
  type ModelSize,
  type PresetName,
} from './config';
export { Vocabulary, PAD, BOS, EOS, UNK, SPECIAL_TOKENS } from './vocab';
export {
  Transformer,
  parameterShapes,
  initialWeights,
  sinusoidalPositions,
  type AttentionTrace,
} from './transformer';
export { padBatch, decoderInput, decoderLabels, labelLogProbs } from './batch';
export { greedyDecode, scoreCandidates, attentionWeights, type AttentionMaps } from './inference';
export {
  saveCheckpoint,
  loadCheckpoint,
  checkpointArtifacts,
  checkpointFromArtifacts,
  httpCheckpoint,
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  type Objective,
  type CheckpointInfo,
  type CheckpointMetadata,
  type CheckpointError,
  type CheckpointErrorCode,
  type LoadedCheckpoint,
  type LoadResult,
  type LoadExpectation,
} from './checkpoint';
