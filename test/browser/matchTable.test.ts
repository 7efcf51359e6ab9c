// The match as a player handles it: quitting and pausing at any phase, cards that stay where they
// lie, arranging your own territory (drag and keyboard) kept as your 定位置, keyboard racing,
// captions that fit, tablet-sized targets, and how to play.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRng } from '../../src/data/random';
import { createMatch, placesOf, type Place } from '../../src/game/rules';
import { launchBrowser, type GamePage } from './harness';
import { clickBox, matchView, openMode, openWithSettings, type Box, type MatchView } from './matchHelpers';

type Hooks = {
  state: MatchView & {
    places: [Place[], Place[]];
    sent: number[];
    last?: { poem: number; touches: { player: number }[] };
  };
  slot: (row: number, column: number) => Box | null;
  bands: () => Record<string, Box>;
  buttons: () => Record<string, Box>;
  messages: () => string;
  received: () => number[];
  held: () => number | null;
  clips: () => string[];
  level: string;
};
const hooks = <T>(page: Page, read: (h: Hooks) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.__utakaruta.match)`) as Promise<T>;
const cardBoxes = (page: Page) =>
  page.evaluate(() => Object.fromEntries((window.__utakaruta?.cards ?? []).map((c) => [c.no, c])));

function overlap(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  );
}

/** Waits until no card is sliding (two equal looks 200 ms apart). */
async function settledBoxes(page: Page): Promise<Record<string, Box>> {
  let before = JSON.stringify(await cardBoxes(page));
  for (;;) {
    await page.waitForTimeout(200);
    const now = JSON.stringify(await cardBoxes(page));
    if (now === before) return JSON.parse(now) as Record<string, Box>;
    before = now;
  }
}

async function dragBox(page: Page, from: Box, to: Box): Promise<void> {
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 - 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
  await page.mouse.up();
}

describe('the match table', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('quitting during memorization leaves the next match playable', async () => {
    const game = await openWithSettings(browser, '?testSpeed=12&seed=31', { difficulty: 'beginner' });
    const { page } = game;
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    expect((await matchView(page))?.phase).toBe('memorization');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title');
    expect(await page.evaluate(() => window.__utakaruta?.match)).toBeUndefined();
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    expect((await matchView(page))?.phase).toBe('memorization');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('quits and pauses at random moments in every phase, and each next match starts clean', async () => {
    const game = await openWithSettings(browser, '?testSpeed=20&seed=41', {
      difficulty: 'master',
      memorizationSeconds: 40,
    });
    const { page } = game;
    const rng = createRng(2026);
    const phasesQuit = new Set<string>();
    for (let round = 0; round < 8; round++) {
      await openMode(game, 'match-baseline');
      await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
      // The next match starts clean: memorization, nothing read, nothing paused, nothing played.
      const start = await hooks(page, (h) => ({ ...h.state, clips: h.clips(), messages: h.messages() }));
      expect(start).toMatchObject({
        phase: 'memorization',
        readings: 0,
        paused: false,
        heard: 0,
        clips: [],
        messages: '',
      });
      // A pause/resume at a random moment, then on to this round's phase and a quit in it.
      const target = (['memorization', 'joka', 'reading', 'between'] as const)[round % 4] as string;
      await page.waitForTimeout(rng.int(0, 1500));
      await page.keyboard.press('p');
      await page.waitForTimeout(rng.int(50, 400));
      await page.keyboard.press('p');
      if (target !== 'memorization') await page.keyboard.press('s');
      // A short phase (the lower half between poems) can slip past a slow page: quit where it is then.
      await page
        .waitForFunction(
          (phase) => (window.__utakaruta?.match as { state: MatchView }).state.phase === phase,
          target,
          { timeout: 20_000, polling: 5 },
        )
        .catch(() => {});
      await page.waitForTimeout(target === 'joka' || target === 'memorization' ? 0 : rng.int(0, 600));
      const before = await hooks(page, (h) => ({
        phase: h.state.phase,
        clips: h.clips(),
        paused: h.state.paused,
      }));
      expect(before.paused).toBe(false);
      // No clip started twice in this match (the 序歌's lower half is read twice by the rules).
      const repeats = before.clips.filter((clip, i) => before.clips.indexOf(clip) !== i);
      expect(
        repeats.filter((clip) => clip !== '0:shimo'),
        before.clips.join(' '),
      ).toEqual([]);
      expect(repeats.length).toBeLessThanOrEqual(1);
      phasesQuit.add(before.phase);
      // Half the quits come while paused.
      if (rng.next() < 0.5) await page.keyboard.press('p');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__utakaruta?.screen === 'title');
      expect(await page.evaluate(() => window.__utakaruta?.match)).toBeUndefined();
    }
    console.log('phases quit in:', [...phasesQuit].join(', '));
    expect(phasesQuit.size).toBeGreaterThanOrEqual(3);
    expect(game.errors).toEqual([]);
    await game.context.close();
  }, 400_000);

  it('keeps every card where it lies while the opponent takes 10 cards', async () => {
    const game = await openWithSettings(browser, '?testSpeed=16&seed=12', {
      difficulty: 'master',
      memorizationSeconds: 0,
    });
    const { page } = game;
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    const first = await settledBoxes(page);
    await clickBox(page, (await hooks(page, (h) => h.buttons())).skip as Box);
    const sent = new Set<number>();
    let checked = 0;
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('the opponent did not take 10 cards');
      await page.waitForTimeout(300);
      const state = await hooks(page, (h) => h.state);
      if (state.phase === 'over') break;
      if (state.phase !== 'between') continue;
      const now = await settledBoxes(page);
      // A send may land while the boxes settle: count the sends known before and after.
      state.sent.forEach((c) => sent.add(c));
      (await hooks(page, (h) => h.state)).sent.forEach((c) => sent.add(c));
      for (const [no, box] of Object.entries(now)) {
        if (sent.has(Number(no))) continue;
        expect(box, `card ${no} moved`).toEqual(first[no]);
      }
      checked = 50 - Object.keys(now).length;
      if (checked >= 10) break;
    }
    const opponentTook = await page.evaluate(
      () => 50 - ((window.__utakaruta?.match as { state: { onField: number[] } }).state.onField.length ?? 0),
    );
    console.log(`cards gone from the field: ${opponentTook}; cards moved by a send: ${sent.size}`);
    expect(opponentTook).toBeGreaterThanOrEqual(10);
    await game.screenshot('match-fixed-places');
    expect(game.errors).toEqual([]);
    await game.context.close();
  }, 300_000);

  it('arranges your cards by drag and keyboard, and keeps them as your 定位置 next time', async () => {
    const game = await openWithSettings(browser, '?testSpeed=12&seed=31', { memorizationSeconds: 300 });
    const { page } = game;
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    const deal = createMatch({ mode: 'competitive', seed: 31 });
    const back = placesOf(deal, 0).filter((p) => p.row === 2);
    const dragged = back[0] as Place;
    // Drag the back row's first card to the empty right end of the front row (column 11).
    const from = (await cardBoxes(page))[dragged.card] as Box;
    await dragBox(page, from, (await hooks(page, (h) => h.slot(0, 11))) as Box);
    await page.waitForTimeout(500);
    const moved = await hooks(page, (h) => h.state.places[0]);
    expect(moved.find((p) => p.card === dragged.card)).toMatchObject({ row: 0, column: 11 });
    const others = moved.filter((p) => p.card !== dragged.card);
    expect(others).toEqual(placesOf(deal, 0).filter((p) => p.card !== dragged.card));
    await game.screenshot('match-arranged-drag');
    // Keyboard: click the next back-row card (focus), Enter lifts it, ← moves it one slot, Enter drops.
    const keyed = back[1] as Place;
    await clickBox(page, (await cardBoxes(page))[keyed.card] as Box);
    await page.keyboard.press('Enter');
    expect(await hooks(page, (h) => h.held())).toBe(keyed.card);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const afterKeys = await hooks(page, (h) => h.state.places[0]);
    expect(afterKeys.find((p) => p.card === keyed.card)).toMatchObject({ row: 1, column: keyed.column });
    // The card that was there swapped into the back row.
    // Dropping outside your territory puts nothing anywhere.
    const third = back[2] as Place;
    await dragBox(page, (await cardBoxes(page))[third.card] as Box, {
      x: 300,
      y: 100,
      width: 10,
      height: 10,
    });
    await page.waitForTimeout(500);
    expect((await hooks(page, (h) => h.state.places[0])).find((p) => p.card === third.card)).toEqual(third);
    // The same deal next time: your cards come back where you put them.
    await page.keyboard.press('s');
    await page.waitForFunction(
      () => (window.__utakaruta?.match as { state: MatchView }).state.phase !== 'memorization',
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__utakaruta?.screen === 'title');
    const saved = await page.evaluate(() => localStorage.getItem('utakaruta.homePlaces'));
    expect(JSON.parse(saved ?? '{}')[dragged.card]).toEqual({ row: 0, column: 11 });
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    const again = await hooks(page, (h) => h.state.places[0]);
    expect(again.find((p) => p.card === dragged.card)).toMatchObject({ row: 0, column: 11 });
    expect(again.find((p) => p.card === keyed.card)).toMatchObject({ row: 1, column: keyed.column });
    // A damaged record is ignored, and the match still starts.
    await page.keyboard.press('Escape');
    await page.evaluate(() => localStorage.setItem('utakaruta.homePlaces', '{"17": {"row": "x"}, broken'));
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    expect(await hooks(page, (h) => h.state.places[0])).toEqual(placesOf(deal, 0));
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('takes a card with two keys: its row then its column', async () => {
    // Seed 5 reads one of the player's own cards first.
    const game = await openWithSettings(browser, '?testSpeed=3&seed=5', {
      difficulty: 'beginner',
      memorizationSeconds: 0,
    });
    const { page } = game;
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    await page.keyboard.press('s');
    const deal = createMatch({ mode: 'competitive', seed: 5 });
    const poem = deal.queue.find(
      (p) => placesOf(deal, 0).some((x) => x.card === p) || placesOf(deal, 1).some((x) => x.card === p),
    ) as number;
    const own = placesOf(deal, 0).find((p) => p.card === poem);
    expect(own, 'seed 5 reads one of your cards first').toBeDefined();
    await page.waitForFunction(
      (p) => (window.__utakaruta?.match as { state: MatchView }).state.poem === p,
      poem,
      { timeout: 120_000, polling: 5 },
    );
    const screenRow = 4 + (own?.row ?? 0); // your rows are keys 4–6 from the centre line down
    const columnKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '='];
    await page.keyboard.press(String(screenRow));
    await page.keyboard.press(columnKeys[own?.column ?? 0] as string);
    await page.waitForFunction(
      () =>
        ((window.__utakaruta?.match as { state: { last?: { touches: unknown[] } } }).state.last?.touches
          .length ?? 0) > 0,
    );
    const last = await hooks(page, (h) => h.state.last);
    expect(last?.touches).toContainEqual(expect.objectContaining({ player: 0, card: poem }));
    await game.screenshot('match-keyboard-take');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    it(`lays out poem 52's caption with nothing overlapping at ${size.width}×${size.height}`, async () => {
      // A seed whose first poem is 52 (あけぬれば, the longest caption).
      let seed = 1;
      while (createMatch({ mode: 'competitive', seed }).queue[0] !== 52) seed++;
      const game = await openWithSettings(
        browser,
        `?testSpeed=4&seed=${seed}`,
        { difficulty: 'beginner', memorizationSeconds: 0 },
        { ...size, hasTouch: size.width === 1024 },
      );
      const { page } = game;
      await openMode(game, 'match-baseline');
      await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
      await page.keyboard.press('s');
      await page.waitForFunction(
        () => {
          const s = (window.__utakaruta?.match as { state: MatchView }).state;
          return s.readings === 1 && s.phase !== 'reading';
        },
        null,
        { timeout: 120_000 },
      );
      // Hold the caption of poem 52 on screen while it is measured.
      await page.keyboard.press('p');
      expect((await hooks(page, (h) => h.state.last))?.poem).toBe(52);
      await page.waitForTimeout(300);
      const bands = await hooks(page, (h) => h.bands());
      expect(Object.keys(bands)).toEqual(expect.arrayContaining(['poem', 'kimariji', 'level', 'messages']));
      const names = Object.keys(bands);
      for (const a of names)
        for (const b of names)
          if (a < b) expect(overlap(bands[a] as Box, bands[b] as Box), `${a} × ${b}`).toBe(false);
      const buttons = await hooks(page, (h) => h.buttons());
      for (const [name, box] of Object.entries(buttons)) {
        if (name === 'skip') continue; // hidden after memorization; shares the belief button's place
        for (const band of Object.values(bands))
          expect(overlap(box, band), `${name} over a band`).toBe(false);
        // Touch targets: 44 CSS px at least.
        expect(box.height, `${name} height`).toBeGreaterThanOrEqual(44);
      }
      const cards = Object.values(await cardBoxes(page)) as Box[];
      expect(Math.min(...cards.map((c) => c.width))).toBeGreaterThanOrEqual(44);
      expect(await hooks(page, (h) => h.level)).toMatch(/初級/);
      await game.screenshot(`match-caption-52-${size.width}x${size.height}`);
      expect(game.errors).toEqual([]);
      await game.context.close();
    });
  }

  it('clears the last reading’s messages when the next poem is read', async () => {
    const game = await openWithSettings(browser, '?testSpeed=16&seed=12', {
      difficulty: 'master',
      memorizationSeconds: 0,
    });
    const { page } = game;
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    await page.keyboard.press('s');
    // Wait for a reading that ended with a message, then for the next reading to start.
    await page.waitForFunction(
      () => {
        const m = window.__utakaruta?.match as { state: MatchView; messages: () => string };
        return m.state.phase === 'between' && m.messages() !== '';
      },
      null,
      { timeout: 120_000 },
    );
    const readings = (await matchView(page))?.readings ?? 0;
    // While the next poem is read, nothing from the last reading is left (messages come at settle).
    // Read in the page at the moment the next reading is seen (at 16× a reading can settle
    // before a second round trip, and its own messages would then be on screen).
    const seen = await page.waitForFunction(
      (n) => {
        const m = window.__utakaruta?.match as {
          state: MatchView;
          messages: () => string;
          bands: () => { poem?: unknown };
        };
        const s = m.state;
        return s.readings > n && s.phase === 'reading'
          ? { messages: m.messages(), poem: m.bands().poem ?? null }
          : false;
      },
      readings,
      { timeout: 60_000, polling: 5 },
    );
    expect(await seen.jsonValue()).toEqual({ messages: '', poem: null });
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('opens how to play from the title and from a match, which pauses under it', async () => {
    const game = await openWithSettings(browser, '?testSpeed=12&seed=31', { lang: 'en' });
    const { page } = game;
    await openMode(game, 'how-to-play', 'how-to-play');
    await game.screenshot('how-to-play-en');
    expect(await page.textContent('.panel.how-to-play h1')).toBe('How to play');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.panel.how-to-play'));
    await openMode(game, 'match-baseline');
    await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) === 50);
    await page.keyboard.press('h');
    await page.waitForSelector('.panel.how-to-play');
    expect((await matchView(page))?.paused).toBe(true);
    await page.click('.how-to-play-close');
    await page.waitForFunction(() => !(window.__utakaruta?.match as { state: MatchView }).state.paused);
    expect(game.errors).toEqual([]);
    await game.context.close();
  });
});

export type { GamePage };
