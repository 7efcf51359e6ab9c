// The training layer's public API: one loop for Node and the browser.
export {
  train,
  batchLoss,
  type TrainOptions,
  type TrainResult,
  type EpochMetrics,
  type StepInfo,
} from './trainer';
export { TrainingControl, type ControlState } from './control';
export { frame, longest, type Pair, type Dataset, type FramedPair } from './dataset';
export { teacherForcedAccuracy, freeRunning, type FreeRunning } from './metrics';
export {
  constantSchedule,
  cosineSchedule,
  scheduleFromSpec,
  type LearningRateSchedule,
  type ScheduleSpec,
} from './schedule';
export { reverseTask, type ReverseTaskOptions } from './synthetic';
