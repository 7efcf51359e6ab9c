// 五色百人一首: the school game splits the 100 poems into five colour groups of 20, so a game
// of one colour fits in a lesson. Each group is listed in the order of the small index printed
// on the five-colour cards (桃 1 is poem 86, …), so the printed index is the position + 1.
import type { GoshikiColor } from './types';

export const GOSHIKI_GROUPS: Readonly<Record<GoshikiColor, readonly number[]>> = {
  桃: [86, 97, 66, 72, 73, 80, 51, 58, 65, 34, 40, 48, 16, 22, 28, 1, 4, 13, 83, 84],
  青: [3, 30, 69, 5, 31, 70, 6, 50, 74, 12, 57, 76, 14, 61, 91, 24, 62, 100, 75, 82],
  黄: [2, 7, 10, 18, 32, 33, 37, 39, 46, 47, 55, 60, 78, 79, 81, 87, 94, 96, 85, 89],
  緑: [8, 9, 11, 15, 17, 20, 23, 26, 29, 35, 36, 38, 41, 42, 54, 59, 68, 71, 92, 93],
  橙: [52, 64, 45, 43, 44, 56, 21, 63, 77, 53, 25, 88, 19, 67, 99, 49, 27, 90, 95, 98],
};

function entries(): [GoshikiColor, readonly number[]][] {
  return Object.entries(GOSHIKI_GROUPS) as [GoshikiColor, readonly number[]][];
}

/** The colour group of poem `no` (1–100), or null when no group lists it (the 序歌). */
export function goshikiOf(no: number): GoshikiColor | null {
  for (const [color, nos] of entries()) if (nos.includes(no)) return color;
  return null;
}

/** The index 1–20 printed on poem `no`'s five-colour card, or null when it has none. */
export function goshikiIndex(no: number): number | null {
  for (const [, nos] of entries()) {
    const at = nos.indexOf(no);
    if (at >= 0) return at + 1;
  }
  return null;
}
