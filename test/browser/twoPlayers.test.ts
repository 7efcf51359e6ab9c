// Two people at one touch screen: the far side's cards face the far player, both sides touch at
// once (multi-touch through the DevTools protocol), each touch is credited to the side it began
// on, faults and sends fall to the right person, and the results name both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Place } from '../../src/game/rules';
import { launchBrowser, type GamePage } from './harness';
import { openMode, openWithSettings, setupChoice, type Box, type MatchView } from './matchHelpers';

interface Reading {
  poem: number;
  lay: number | 'field' | null;
  touches: { player: number; card: number; atMs: number }[];
  outcome: { taker: number | null; simultaneous: boolean; faults: [number, number] } | null;
}
type Look = {
  screen?: string;
  view?: MatchView & { places: [Place[], Place[]]; last?: Reading };
  boxes: Record<number, Box>;
  centre: number | null;
};

const look = (page: Page): Promise<Look> =>
  page.evaluate(() => {
    const hooks = window.__utakaruta;
    const match = hooks?.match as { state: Look['view']; centreLine: () => number | null } | undefined;
    return {
      screen: hooks?.screen,
      view: match?.state,
      boxes: Object.fromEntries((hooks?.cards ?? []).map((c) => [c.no, c])),
      centre: match?.centreLine() ?? null,
    };
  }) as Promise<Look>;

const mid = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Several fingers down in one touch event, then lifted. */
async function touchAll(cdp: CDPSession, points: { x: number; y: number }[]): Promise<void> {
  const touchPoints = points.map((p, id) => ({ ...p, id }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function tap(cdp: CDPSession, box: Box): Promise<void> {
  await touchAll(cdp, [mid(box)]);
}

/** Opens the setup screen, seats two people, starts the game `id`. */
async function startPair(game: GamePage, id: string): Promise<CDPSession> {
  const { page } = game;
  await openMode(game, 'casual', 'match-setup');
  const cdp = await game.context.newCDPSession(page);
  const pair = await page.evaluate(() =>
    (window.__utakaruta?.matchSetup as { pair: () => Box & { on: boolean } }).pair(),
  );
  await tap(cdp, pair);
  expect(
    await page.evaluate(() => (window.__utakaruta?.matchSetup as { pair: () => { on: boolean } }).pair().on),
  ).toBe(true);
  await game.screenshot('two-players-setup');
  await tap(cdp, await setupChoice(page, id));
  await page.waitForFunction(() => window.__utakaruta?.screen === 'match', null, { timeout: 60_000 });
  await page.waitForFunction(() => (window.__utakaruta?.cards?.length ?? 0) > 0);
  return cdp;
}

async function skipMemorization(page: Page, cdp: CDPSession): Promise<void> {
  const skip = await page.evaluate(
    () => (window.__utakaruta?.match as { buttons: () => { skip: Box } }).buttons().skip,
  );
  await tap(cdp, skip);
}

/** Waits for a reading of a card in `owner`'s territory with at least `heard` sounds heard. */
async function readingIn(page: Page, cdp: CDPSession, owner: 0 | 1, heard = 1): Promise<Look> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const now = await look(page);
    const v = now.view;
    if (v?.phase === 'sending' && v.pendingSend) {
      // Whoever owes sends their first card, by touch on their own side.
      const card = v.places[v.pendingSend.from as 0 | 1][0]?.card;
      const box = card === undefined ? undefined : now.boxes[card];
      if (box) await tap(cdp, box);
    } else if (
      v?.phase === 'reading' &&
      v.poem !== undefined &&
      v.heard >= heard &&
      v.places[owner].some((p) => p.card === v.poem) &&
      now.boxes[v.poem]
    ) {
      return now;
    }
    await page.waitForTimeout(10);
  }
  throw new Error(`no reading of a card on side ${owner}`);
}

/** The record of the reading of `poem`, once it is settled. */
async function settled(page: Page, poem: number): Promise<Reading> {
  const read = () =>
    page.evaluate((wanted) => {
      const s = (window.__utakaruta?.match as { state: { last?: Reading } }).state;
      return s.last?.poem === wanted && s.last.outcome !== null ? s.last : null;
    }, poem);
  await page.waitForFunction(
    (wanted) => {
      const last = (window.__utakaruta?.match as { state: { last?: Reading } }).state.last;
      return last?.poem === wanted && last.outcome !== null;
    },
    poem,
    { timeout: 30_000 },
  );
  return (await read()) as Reading;
}

describe('two players at one screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('credits two fingers landing at once each to the side it touched from', async () => {
    const game = await openWithSettings(browser, '?testSpeed=2&seed=23', {}, { hasTouch: true });
    const { page } = game;
    const cdp = await startPair(game, 'competitive');
    const start = await look(page);
    // The far territory faces the far player; the near one faces the near player.
    const upsideDown = await page.evaluate(() =>
      (window.__utakaruta?.match as { upsideDown: () => number[] }).upsideDown(),
    );
    const far = start.view!.places[1].map((p) => p.card).sort((a, b) => a - b);
    expect([...upsideDown].sort((a, b) => a - b)).toEqual(far);
    await game.screenshot('two-players-memorization');
    await skipMemorization(page, cdp);

    // 1. The read card is on the near side. The far player's finger lands on a card of their own
    //    side (a fault: the wrong territory) and, while it is still down, the near player's
    //    finger lands on the read card: two touch points on the screen at once.
    const first = await readingIn(page, cdp, 0, 2);
    const poem = first.view!.poem!;
    const farCard = first.view!.places[1][0]!.card;
    const farPoint = { ...mid(first.boxes[farCard]!), id: 1 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [farPoint] });
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [farPoint, { ...mid(first.boxes[poem]!), id: 0 }],
    });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const r1 = await settled(page, poem);
    expect(r1.poem).toBe(poem);
    expect(r1.touches.map((t) => [t.player, t.card])).toEqual([
      [1, farCard],
      [0, poem],
    ]);
    expect(r1.outcome).toMatchObject({ taker: 0, faults: [0, 1] });
    // The far player's fault: the near player owes them a card and chooses it by touch.
    await page.waitForFunction(
      () => (window.__utakaruta?.match as { state: MatchView }).state.phase === 'sending',
    );
    await game.screenshot('two-players-send');
    const sending = await look(page);
    expect(sending.view!.pendingSend).toMatchObject({ from: 0, to: 1, count: 1 });
    const gift = sending.view!.places[0][0]!.card;
    await tap(cdp, sending.boxes[gift]!);
    await page.waitForFunction(
      (card) =>
        (window.__utakaruta?.match as { state: { places: [Place[], Place[]] } }).state.places[1].some(
          (p) => p.card === card,
        ),
      gift,
    );

    // 2. The read card is on the far side: the far player taps it and the near player sweeps
    //    onto it from an empty spot on their own side of the centre line, at the same moment.
    const second = await readingIn(page, cdp, 1, 2);
    const poem2 = second.view!.poem!;
    const target = mid(second.boxes[poem2]!);
    const nearStart = { x: target.x, y: (second.centre ?? 0) + 4 };
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ ...nearStart, id: 0 }],
    });
    await Promise.all([
      cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [
          { ...nearStart, id: 0 },
          { ...target, id: 1 },
        ],
      }),
      cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [
          { ...target, id: 0 },
          { ...target, id: 1 },
        ],
      }),
    ]);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const r2 = await settled(page, poem2);
    const onPoem = r2.touches.filter((t) => t.card === poem2);
    expect(onPoem.map((t) => t.player).sort()).toEqual([0, 1]);
    // The far player touched first or together: either way the card is theirs.
    expect(r2.outcome?.taker).toBe(1);
    const gap = Math.abs(onPoem[0]!.atMs - onPoem[1]!.atMs);
    expect(r2.outcome?.simultaneous).toBe(gap <= 20);
    await game.screenshot('two-players-match');
    expect(game.errors).toEqual([]);
    expect(game.outsideRequests).toEqual([]);
    await game.context.close();
  }, 300_000);

  it('plays a five-colour game between two people to results that name both', async () => {
    const game = await openWithSettings(browser, '?testSpeed=12&seed=5', {}, { hasTouch: true });
    const { page } = game;
    const cdp = await startPair(game, 'genpei-青');
    await skipMemorization(page, cdp);
    let tried = -1;
    const takes: number[] = [];
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('the match did not end');
      const now = await look(page);
      if (now.screen === 'results') break;
      const v = now.view;
      if (v?.phase === 'sending' && v.pendingSend) {
        const card = v.places[v.pendingSend.from as 0 | 1][0]?.card;
        const box = card === undefined ? undefined : now.boxes[card];
        if (box) await tap(cdp, box);
        await page.waitForTimeout(30);
      } else if (v?.phase === 'reading' && v.poem !== undefined && tried !== v.readings && v.heard >= 2) {
        tried = v.readings;
        const box = now.boxes[v.poem];
        // Each side takes its own cards; every third one the other side sweeps it first.
        const owner = v.places[0].some((p) => p.card === v.poem) ? 0 : 1;
        if (box && now.centre !== null) {
          const taker = v.readings % 3 === 0 ? 1 - owner : owner;
          if (taker === owner) await tap(cdp, box);
          else {
            const target = mid(box);
            const startY = now.centre + (taker === 0 ? 4 : -4);
            await cdp.send('Input.dispatchTouchEvent', {
              type: 'touchStart',
              touchPoints: [{ x: target.x, y: startY, id: 0 }],
            });
            await cdp.send('Input.dispatchTouchEvent', {
              type: 'touchMove',
              touchPoints: [{ ...target, id: 0 }],
            });
            await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          }
          takes.push(taker);
        }
      }
      await page.waitForTimeout(5);
    }
    const results = await page.evaluate(() => ({
      verdict: document.querySelector('.results-verdict')?.textContent ?? '',
      summaries: [...document.querySelectorAll('.results-summary')].map((p) => p.textContent ?? ''),
      level: document.querySelector('.results-level')?.textContent ?? '',
    }));
    expect(results.verdict).toMatch(/^(手前の人の勝ち|奥の人の勝ち|引き分け)$/);
    expect(results.summaries[0]).toMatch(/^手前の人/);
    expect(results.summaries[1]).toMatch(/^奥の人/);
    expect(results.level).toBe('二人対戦（同じ画面）');
    expect(takes).toContain(0);
    expect(takes).toContain(1);
    await game.screenshot('two-players-results');
    expect(game.errors).toEqual([]);
    await game.context.close();
  }, 300_000);
});
