// What the match panel says about the state: the status line and the caption of the poem just
// read, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { kimariji } from '../../../src/data/kimariji';
import { poemByNo } from '../../../src/data/poems';
import { setLang } from '../../../src/game/i18n';
import { apply, createMatch, type Action, type MatchState } from '../../../src/game/rules';
import { eventMessages, farStatus, poemCaption, statusLine } from '../../../src/game/scenes/MatchText';
import { PAIR_NAMES } from '../../../src/game/scenes/seats';

function step(state: MatchState, action: Action): MatchState {
  const result = apply(state, action);
  if (!result.ok) throw new Error(result.error.code);
  return result.state;
}

afterEach(() => setLang('ja'));

describe('statusLine', () => {
  const start = createMatch({ mode: 'competitive', seed: 3 });

  it('shows the memorization clock as minutes and seconds, in Japanese and English', () => {
    setLang('ja');
    expect(statusLine(start, 125)).toMatch(/^暗記時間\u30002:05\n/);
    setLang('en');
    expect(statusLine(start, 125)).toMatch(/^Memorize: 2:05\n/);
    expect(statusLine(start, 9)).toMatch(/^Memorize: 0:09\n/);
  });

  it('says the opening poem is being read once memorization is over', () => {
    setLang('en');
    const joka = step(start, { type: 'endMemorization' });
    expect(joka.phase).toBe('joka');
    expect(statusLine(joka, 0)).toBe('Opening poem (joka)');
  });
});

describe('poemCaption', () => {
  it('is null before the first reading', () => {
    expect(poemCaption(createMatch({ mode: 'competitive', seed: 3 }))).toBeNull();
  });

  it('gives the poem read, its poet, its five lines and its kimariji when it was read', () => {
    let state = step(createMatch({ mode: 'competitive', seed: 3 }), { type: 'endMemorization' });
    state = step(state, { type: 'read' });
    const reading = state.readings.at(-1)!;
    const poem = poemByNo(reading.poem);
    const caption = poemCaption(state)!;
    expect(caption.poem.startsWith(`${poem.no}\u3000${poem.poet}\n`)).toBe(true);
    expect(caption.poem.split('\n')).toHaveLength(3);
    const k = kimariji(reading.poem, [...state.queue, reading.poem]).morae.join('');
    expect(caption.kimariji).toContain(k);
  });
});

describe('eventMessages', () => {
  it('names a sent card by number and the start of its poem, and says a received one can be moved', () => {
    setLang('ja');
    expect(eventMessages([{ type: 'sent', from: 0, to: 1, card: 76 }])).toEqual([
      'あなたが 76番「わたのはら」を送りました',
    ]);
    expect(eventMessages([{ type: 'sent', from: 1, to: 0, card: 76 }])[0]).toMatch(
      /^相手から76番「わたのはら」が来ました。/,
    );
    setLang('en');
    expect(eventMessages([{ type: 'sent', from: 1, to: 0, card: 76 }])[0]).toMatch(
      /^Opponent sent you card 76 “わたのはら”/,
    );
  });
});

describe('two people at one screen', () => {
  it('names each side in the messages and the send prompt, and tells the far player once', () => {
    setLang('ja');
    expect(
      eventMessages(
        [
          { type: 'taken', player: 1, card: 5, from: 0, simultaneous: false },
          { type: 'fault', player: 0, count: 1 },
          { type: 'sendOwed', from: 1, to: 0, count: 2 },
        ],
        PAIR_NAMES,
      ),
    ).toEqual([
      '奥の人が取りました',
      'お手つき（手前の人）',
      '奥の人：手前の人に送る札を選んでください（2 枚）',
    ]);
    setLang('en');
    expect(eventMessages([{ type: 'sent', from: 0, to: 1, card: 76 }], PAIR_NAMES)).toEqual([
      'Far player received card 76 “わたのはら” from the Near player; the lit card can be moved',
    ]);
    const sending = { ...createMatch({ mode: 'competitive', seed: 3 }), phase: 'sending' as const };
    const owed = { ...sending, pendingSend: { from: 1 as const, to: 0 as const, count: 1 } };
    const prompt = statusLine(owed, 0, PAIR_NAMES);
    expect(prompt).toBe('Far player: choose a card to send to the Near player (1)');
    expect(farStatus(owed, 0, PAIR_NAMES, [prompt])).toBe(prompt);
    expect(farStatus(owed, 0, PAIR_NAMES, ['Fault (Near player)'])).toBe(`${prompt}\nFault (Near player)`);
  });
});
