// The karuta rules engine: pure TypeScript over plain data (see rules.md for the rule choices).
export * from './types';
export { createMatch, layRows, ALL_CARDS, COMPETITIVE_HAND, DEFAULT_SIMULTANEOUS_MS } from './setup';
export { apply, applyAll } from './apply';
export * from './queries';
export {
  GRID_COLUMNS,
  ROWS_PER_TERRITORY,
  defaultColumns,
  placesOf,
  gridColumns,
  receivingPlace,
  type Place,
} from './places';
