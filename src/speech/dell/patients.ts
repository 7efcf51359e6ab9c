// Picture-naming data on the Philadelphia Naming Test (175 items): 60 control speakers and the 23
// fluent aphasic patients of Dell, Schwartz, Martin, Saffran & Gagnon (1997), Table 6. Columns:
// correct, semantic, formal, nonword, mixed, unrelated, and "all others" (omissions,
// descriptions, …), which the model has no counterpart for.
import { CATEGORIES, normalise, profileFromArray, type Profile } from './classify';

export const APHASIA_TYPES = ['wernicke', 'anomic', 'conduction', 'transcortical-sensory'] as const;
export type AphasiaType = (typeof APHASIA_TYPES)[number];

export interface Patient {
  readonly id: string;
  readonly type: AphasiaType;
  /** The six proportions as published (they sum to 1 − others). */
  readonly profile: Profile;
  readonly others: number;
}

/** The 60 controls (Dell et al. 1997). */
export const CONTROLS: Profile = profileFromArray([0.969, 0.012, 0.001, 0.0, 0.009, 0.003]);

type Row = readonly [string, AphasiaType, number, number, number, number, number, number, number];

const ROWS: readonly Row[] = [
  ['W.B.', 'wernicke', 0.94, 0.02, 0.01, 0.01, 0.01, 0.0, 0.01],
  ['T.T.', 'anomic', 0.93, 0.01, 0.01, 0.0, 0.02, 0.0, 0.04],
  ['E.G.', 'anomic', 0.93, 0.03, 0.0, 0.01, 0.02, 0.0, 0.01],
  ['J.Fr.', 'wernicke', 0.92, 0.01, 0.01, 0.02, 0.02, 0.0, 0.02],
  ['V.C.', 'anomic', 0.87, 0.02, 0.01, 0.03, 0.01, 0.0, 0.05],
  ['B.Me.', 'anomic', 0.84, 0.03, 0.01, 0.0, 0.05, 0.01, 0.07],
  ['B.Mi.', 'anomic', 0.83, 0.05, 0.01, 0.01, 0.02, 0.01, 0.07],
  ['L.B.', 'anomic', 0.82, 0.04, 0.02, 0.09, 0.01, 0.01, 0.01],
  ['J.A.', 'transcortical-sensory', 0.78, 0.04, 0.0, 0.02, 0.03, 0.01, 0.13],
  ['J.B.', 'conduction', 0.76, 0.06, 0.01, 0.05, 0.02, 0.01, 0.09],
  ['J.L.', 'conduction', 0.76, 0.03, 0.01, 0.06, 0.03, 0.01, 0.1],
  ['A.F.', 'wernicke', 0.75, 0.02, 0.03, 0.07, 0.06, 0.04, 0.03],
  ['N.C.', 'conduction', 0.75, 0.03, 0.07, 0.08, 0.01, 0.0, 0.07],
  ['G.S.', 'wernicke', 0.7, 0.02, 0.06, 0.15, 0.01, 0.02, 0.03],
  ['L.H.', 'conduction', 0.69, 0.03, 0.07, 0.15, 0.01, 0.02, 0.03],
  ['I.G.', 'anomic', 0.69, 0.09, 0.05, 0.02, 0.03, 0.01, 0.1],
  ['H.B.', 'conduction', 0.61, 0.06, 0.13, 0.18, 0.02, 0.01, 0.01],
  ['J.F.', 'anomic', 0.56, 0.14, 0.01, 0.02, 0.11, 0.01, 0.15],
  ['J.G.', 'conduction', 0.55, 0.06, 0.08, 0.18, 0.04, 0.03, 0.05],
  ['G.B.', 'wernicke', 0.39, 0.07, 0.09, 0.08, 0.01, 0.03, 0.32],
  ['G.L.', 'wernicke', 0.28, 0.04, 0.21, 0.3, 0.03, 0.09, 0.05],
  ['V.P.', 'anomic', 0.28, 0.07, 0.11, 0.04, 0.05, 0.17, 0.28],
  ['W.R.', 'wernicke', 0.08, 0.06, 0.15, 0.28, 0.05, 0.33, 0.06],
];

export const PATIENTS: readonly Patient[] = ROWS.map(([id, type, ...values]) => ({
  id,
  type,
  profile: profileFromArray(values.slice(0, CATEGORIES.length)),
  others: values[CATEGORIES.length] ?? 0,
}));

/**
 * How the "all others" column enters the comparison. The model always names something, so its
 * six proportions sum to 1. 'renormalise' (the default) divides the patient's six by their sum:
 * it assumes the other responses would have fallen into the six categories in the same ratios.
 * 'as-given' compares the published proportions directly; a patient with many other responses
 * (G.B. .32, V.P. .28) then cannot be fitted closely by any point.
 */
export type OthersHandling = 'renormalise' | 'as-given';

export function patientTarget(patient: Patient, handling: OthersHandling = 'renormalise'): Profile {
  return handling === 'renormalise' ? normalise(patient.profile) : patient.profile;
}
