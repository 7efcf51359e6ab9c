// Learning-rate schedules: plain functions of the step, so a run is reproducible from its
// recipe and a worker can resume mid-run.

/** The learning rate for optimizer step `step` (0-based) of `totalSteps`. */
export type LearningRateSchedule = (step: number, totalSteps: number) => number;

export type ScheduleSpec =
  | { readonly kind: 'constant'; readonly rate: number }
  | { readonly kind: 'cosine'; readonly peak: number; readonly warmupSteps: number; readonly floor: number };

/** The talk's schedule: the same rate from start to end. */
export function constantSchedule(rate: number): LearningRateSchedule {
  return () => rate;
}

/** Linear warm-up to `peak`, then half a cosine down to `floor` at the last step. */
export function cosineSchedule(peak: number, warmupSteps: number, floor = 0): LearningRateSchedule {
  return (step, totalSteps) => {
    if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
    const span = Math.max(1, totalSteps - warmupSteps);
    const progress = Math.min(1, (step - warmupSteps) / span);
    return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
  };
}

export function scheduleFromSpec(spec: ScheduleSpec): LearningRateSchedule {
  switch (spec.kind) {
    case 'constant':
      return constantSchedule(spec.rate);
    case 'cosine':
      return cosineSchedule(spec.peak, spec.warmupSteps, spec.floor);
    default: {
      const never: never = spec;
      throw new Error(`unknown schedule ${JSON.stringify(never)}`);
    }
  }
}
