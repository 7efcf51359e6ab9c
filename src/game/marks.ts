// Performance marks the game sets for its benchmarks (they exist in every build and say nothing
// about the game's state): scripts/bench-bundle.ts waits for the title's.

/** Set once the title menu takes keys and clicks: the end of the first load. */
export const TITLE_INTERACTIVE_MARK = 'utakaruta:title-interactive';
