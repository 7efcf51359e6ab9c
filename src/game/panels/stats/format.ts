// Small formatting helpers shared by the statistics views.
import { withRomaji } from '../../romaji';
import { toMorae } from '../../../data/mora';
import { poemByNo } from '../../../data/poems';
import { getLang, tr, trf } from '../../i18n';
import type { Lay } from '../../rules';
import type { MatchRecord } from '../../stats/record';
import { T } from './text';

export function dateText(epochMs: number): string {
  return new Date(epochMs).toLocaleString(getLang() === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function msText(ms: number | null): string {
  return ms === null ? tr(T.none) : trf(T.ms, { n: Math.round(ms) });
}

export function signedMs(ms: number | null): string {
  if (ms === null) return tr(T.none);
  const n = Math.round(ms);
  return trf(T.afterDecide, { sign: n > 0 ? '+' : n < 0 ? '−' : '±', n: Math.abs(n) });
}

export function percentText(x: number | null): string {
  return x === null ? tr(T.none) : `${Math.round(x * 100)}%`;
}

/** The first `k` sounds of a poem's upper half as heard (the kimariji at that moment). */
/** The opening sounds up to the kimariji (with romaji in English). */
export function openingText(poem: number, k: number): string {
  return withRomaji(toMorae(poemByNo(poem).kami.reading).slice(0, Math.max(1, k)).join(''));
}

export function cardLabel(poem: number): string {
  return `${poem} ${poemByNo(poem).torifuda[0]}…`;
}

export function whereText(lay: Lay): string {
  if (lay === null) return tr(T.whereNone);
  if (lay === 'field') return tr(T.whereField);
  return tr(lay === 0 ? T.whereOwn : T.whereOther);
}

export function takerText(taker: 0 | 1 | null): string {
  return tr(taker === null ? T.nobody : taker === 0 ? T.you : T.opponent);
}

export function modeText(record: MatchRecord): string {
  const mode = record.setup.mode;
  return tr(mode === 'competitive' ? T.modeCompetitive : mode === 'genpei' ? T.modeGenpei : T.modeChirashi);
}

export function resultText(record: MatchRecord): string {
  if (!record.completed) return tr(T.unfinished);
  if (record.winner === 'draw') return tr(T.draw);
  return tr(record.winner === 0 ? T.won : T.lost);
}
