// Lining up what the model wrote with the right answer, character by character: a minimum
// edit-distance (Levenshtein) alignment, so one missing or extra character is one mark and the
// rest still lines up, instead of every later position counting as wrong.

export type AlignedCell =
  | { readonly kind: 'match'; readonly target: string; readonly output: string }
  | { readonly kind: 'substitute'; readonly target: string; readonly output: string }
  /** The model left out the target's character. */
  | { readonly kind: 'missing'; readonly target: string }
  /** The model wrote a character the target does not have here. */
  | { readonly kind: 'extra'; readonly output: string };

export function align(target: readonly string[], output: readonly string[]): AlignedCell[] {
  const n = target.length;
  const m = output.length;
  // cost[i][j]: edits to turn output[0, j) into target[0, i).
  const cost: number[][] = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const same = target[i - 1] === output[j - 1] ? 0 : 1;
      cost[i]![j] = Math.min(cost[i - 1]![j - 1]! + same, cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1);
    }
  }
  const cells: AlignedCell[] = [];
  let i = n;
  let j = m;
  // Walk back; prefer the diagonal so equal-length outputs align position by position.
  while (i > 0 || j > 0) {
    const here = cost[i]![j]!;
    if (i > 0 && j > 0) {
      const same = target[i - 1] === output[j - 1];
      if (here === cost[i - 1]![j - 1]! + (same ? 0 : 1)) {
        cells.push({
          kind: same ? 'match' : 'substitute',
          target: target[i - 1]!,
          output: output[j - 1]!,
        });
        i--;
        j--;
        continue;
      }
    }
    if (i > 0 && here === cost[i - 1]![j]! + 1) {
      cells.push({ kind: 'missing', target: target[i - 1]! });
      i--;
    } else {
      cells.push({ kind: 'extra', output: output[j - 1]! });
      j--;
    }
  }
  return cells.reverse();
}

/** Edits between the two (0: exactly right). */
export function editDistance(target: readonly string[], output: readonly string[]): number {
  return align(target, output).filter((c) => c.kind !== 'match').length;
}
