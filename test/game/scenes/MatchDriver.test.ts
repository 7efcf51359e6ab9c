import { describe, expect, it } from 'vitest';
import { toMorae } from '../../../src/data/mora';
import { poemByNo } from '../../../src/data/poems';
import { BaselineOpponent } from '../../../src/game/opponents/baseline';
import {
  MatchDriver,
  TAKE_GRACE_MS,
  type ReadingSource,
  type Seats,
} from '../../../src/game/scenes/MatchDriver';

type Listener = (e: never) => void;

/** A reading source driven by hand: each upper half's morae 150 ms apart on a fake clock. */
class FakeReader implements ReadingSource {
  readonly listeners = new Map<string, Set<Listener>>();
  settled = 0;
  stopped = false;
  constructor(readonly order: readonly number[]) {}
  on(type: string, listener: Listener): () => void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
    return () => set.delete(listener);
  }
  emit(type: string, payload: unknown): void {
    for (const l of this.listeners.get(type) ?? []) (l as (p: unknown) => void)(payload);
  }
  async start(): Promise<void> {}
  settle(): void {
    this.settled++;
  }
  pause(): void {}
  resume(): void {}
  stop(): void {
    this.stopped = true;
  }
}

function setupDriver(opponentMs = 500, seats?: Seats) {
  const clock = { now: 0 };
  let reader!: FakeReader;
  const driver = new MatchDriver({
    setup: { mode: 'competitive', seed: 9 },
    seats: seats ?? [
      null,
      new BaselineOpponent({ reactionMs: opponentMs, reactionSdMs: 0, faultRate: 0 }, 1),
    ],
    createReader: (order) => (reader = new FakeReader(order)),
    memorizationMs: 1000,
    timeScale: 1,
    now: () => clock.now,
  });
  return { driver, reader, clock };
}

/** Reads the next poem's upper half, ticking the driver every 10 ms until `untilMs`. */
async function readUpperHalf(
  d: ReturnType<typeof setupDriver>,
  untilMs: number,
  onTick?: (t: number) => void,
) {
  const poem = d.driver.state.queue[0] as number;
  const start = d.clock.now;
  d.reader.emit('clip', { clip: { poem, half: 'kami' }, atMs: start });
  const morae = toMorae(poemByNo(poem).kami.reading);
  for (let t = 0; t <= untilMs; t += 10) {
    d.clock.now = start + t;
    const index = t / 150;
    const mora = morae[index];
    if (Number.isInteger(index) && mora)
      d.reader.emit('mora', { clip: { poem, half: 'kami' }, index, mora, atMs: d.clock.now });
    if (t === morae.length * 150) d.reader.emit('awaitingSettle', { poem, atMs: d.clock.now });
    await Promise.resolve();
    onTick?.(t);
    d.driver.tick(d.clock.now);
  }
  return poem;
}

describe('the match driver', () => {
  it('ends memorization on time and starts reading', () => {
    const d = setupDriver();
    d.driver.tick(999);
    expect(d.driver.state.phase).toBe('memorization');
    d.clock.now = 1000;
    d.driver.tick(1000);
    expect(d.driver.state.phase).toBe('joka');
  });

  it('lets the opponent take a card a reaction time after its deciding mora', async () => {
    const d = setupDriver();
    d.driver.endMemorization();
    // Read until a field card comes up.
    for (let i = 0; i < 100; i++) {
      const poem = d.driver.state.queue[0] as number;
      const onField = d.driver.fieldView(0).own.concat(d.driver.fieldView(0).other).includes(poem);
      await readUpperHalf(d, 8000);
      const reading = d.driver.state.readings.at(-1);
      if (onField) {
        expect(reading?.outcome?.taker).toBe(1);
        const k = reading?.outcome?.takeMs ?? 0;
        expect(k % 150).toBe(500 % 150);
        expect(reading?.outcome?.takeMora).toBe(Math.floor(k / 150) + 1);
        return;
      }
      expect(reading?.outcome?.taker).toBeNull();
      expect(d.reader.settled).toBe(i + 1);
    }
    throw new Error('no field card in 100 readings');
  });

  it('takes mora times from the planned timeline when the events arrive late', async () => {
    const d = setupDriver(400);
    d.driver.endMemorization();
    const poem = d.driver.state.queue[0] as number;
    const morae = toMorae(poemByNo(poem).kami.reading);
    // The plan: clip at 1000 ms of its segment, a mora every 150 ms from 1100.
    const plan = [
      { kind: 'clip', atMs: 1000, clip: { poem, half: 'kami' } },
      ...morae.map((_, index) => ({
        kind: 'mora',
        atMs: 1100 + index * 150,
        clip: { poem, half: 'kami' },
        index,
      })),
    ];
    Object.assign(d.reader, { segments: [{ events: plan }] });
    const late = new MatchDriver({
      setup: { mode: 'competitive', seed: 9 },
      seats: [null, new BaselineOpponent({ reactionMs: 400, reactionSdMs: 0, faultRate: 0 }, 1)],
      createReader: () => d.reader,
      memorizationMs: 0,
      timeScale: 1,
      now: () => d.clock.now,
    });
    late.endMemorization();
    d.reader.emit('clip', { clip: { poem, half: 'kami' }, atMs: 0 });
    // Every mora is dispatched 2 s late, all at once.
    morae.forEach((mora, index) =>
      d.reader.emit('mora', { clip: { poem, half: 'kami' }, index, mora, atMs: 2000 }),
    );
    await Promise.resolve();
    const heardAt = (late as unknown as { moraTimes: number[] }).moraTimes;
    expect(heardAt).toEqual(morae.map((_, index) => 100 + index * 150));
  });

  it('lets the local player take first and records the sounds heard', async () => {
    const d = setupDriver(5000);
    d.driver.endMemorization();
    let poem = 0;
    while (true) {
      poem = d.driver.state.queue[0] as number;
      if (d.driver.fieldView(0).own.includes(poem)) break;
      await readUpperHalf(d, 12000);
    }
    await readUpperHalf(d, 12000, (t) => {
      if (t === 320) d.driver.humanTouch(poem);
    });
    const outcome = d.driver.state.readings.at(-1)?.outcome;
    expect(outcome).toMatchObject({ taker: 0, takeMs: 320, takeMora: 3 });
    expect(d.driver.state.phase).toBe('between');
    void TAKE_GRACE_MS;
  });

  it('plays a model on the near side too: two listeners play a whole match, each sending its own cards', async () => {
    const clock = { now: 0 };
    let reader!: FakeReader;
    const driver = new MatchDriver({
      setup: { mode: 'competitive', seed: 9 },
      seats: [
        new BaselineOpponent({ reactionMs: 300, reactionSdMs: 0, faultRate: 0 }, 2),
        new BaselineOpponent({ reactionMs: 600, reactionSdMs: 0, faultRate: 0 }, 1),
      ],
      createReader: (order) => (reader = new FakeReader(order)),
      memorizationMs: 0,
      timeScale: 1,
      now: () => clock.now,
    });
    const d = { driver, reader, clock };
    driver.tick(0);
    let readings = 0;
    while (driver.state.phase !== 'over' && readings < 120) {
      // Sends are answered by the models themselves (promises): let them land.
      for (let i = 0; i < 5 && driver.state.phase === 'sending'; i++) await Promise.resolve();
      expect(driver.state.phase).not.toBe('sending');
      await readUpperHalf(d, 20 * 150 + 7000);
      readings++;
    }
    expect(driver.state.phase).toBe('over');
    const takers = driver.state.readings.flatMap((r) => r.touches.filter((t) => t.card === r.poem));
    // The faster near model takes most cards; the far one still takes some.
    expect(takers.filter((t) => t.player === 0).length).toBeGreaterThan(20);
    expect(takers.filter((t) => t.player === 1).length).toBeGreaterThan(0);
    // A touch from the page is ignored: nobody plays the near side by hand.
    expect(driver.arrange(driver.state.territories[0][0]![0]!, 0, 0)).toBe(false);
  });

  /** Reads poems until one lies in `player`'s territory (that poem is next). */
  async function untilNextIn(d: ReturnType<typeof setupDriver>, player: 0 | 1): Promise<number> {
    for (let i = 0; i < 100; i++) {
      const poem = d.driver.state.queue[0] as number;
      if (d.driver.fieldView(player).own.includes(poem)) return poem;
      await readUpperHalf(d, 12000);
    }
    throw new Error('no card of that side in 100 readings');
  }

  it('credits each of two people at one screen with their own touch', async () => {
    const d = setupDriver(0, [null, null]);
    d.driver.endMemorization();
    const near = await untilNextIn(d, 0);
    // The far player reaches the near player's card first: a take from the other side.
    await readUpperHalf(d, 12000, (t) => {
      if (t === 300) d.driver.humanTouch(near, 1);
      if (t === 450) d.driver.humanTouch(near, 0);
    });
    const outcome = d.driver.state.readings.at(-1)?.outcome;
    expect(outcome).toMatchObject({ taker: 1, takeMs: 300, simultaneous: false });
    // Taking from the other side sends one card: the far player chooses it, by touch.
    expect(d.driver.state.phase).toBe('sending');
    expect(d.driver.state.pendingSend).toMatchObject({ from: 1, to: 0, count: 1 });
    const own = d.driver.fieldView(1).own[0] as number;
    d.driver.humanTouch(own, 0); // not the near player's send
    expect(d.driver.state.phase).toBe('sending');
    d.driver.humanTouch(own, 1);
    expect(d.driver.state.phase).toBe('between');
    expect(d.driver.fieldView(0).own).toContain(own);
  });

  it('gives a simultaneous touch by two people to the owner of the card', async () => {
    const d = setupDriver(0, [null, null]);
    d.driver.endMemorization();
    const far = await untilNextIn(d, 1);
    await readUpperHalf(d, 12000, (t) => {
      if (t === 300) {
        d.driver.humanTouch(far, 0);
        d.driver.humanTouch(far, 1);
      }
    });
    expect(d.driver.state.readings.at(-1)?.outcome).toMatchObject({ taker: 1, simultaneous: true });
  });

  it('lets the far person arrange their own cards and nobody move the other side', () => {
    const d = setupDriver(0, [null, null]);
    const card = d.driver.fieldView(1).own[0] as number;
    expect(d.driver.arrange(card, 2, 11, 0)).toBe(false);
    expect(d.driver.arrange(card, 2, 11, 1)).toBe(true);
    expect(d.driver.state.columns?.[card]).toBe(11);
  });

  it('never takes a touch for a side an opponent plays', async () => {
    const d = setupDriver(60_000);
    d.driver.endMemorization();
    const card = d.driver.fieldView(1).own[0] as number;
    await readUpperHalf(d, 1000, (t) => {
      if (t === 300) {
        d.driver.humanTouch(card, 1);
        d.driver.humanTouch(card, 0);
      }
    });
    expect(d.driver.state.readings.at(-1)?.touches.map((t) => t.player)).toEqual([0]);
  });

  it('runs two opponents against each other, each taking for its own side', async () => {
    const fast = new BaselineOpponent({ reactionMs: 200, reactionSdMs: 0, faultRate: 0 }, 1);
    const slow = new BaselineOpponent({ reactionMs: 900, reactionSdMs: 0, faultRate: 0 }, 2);
    const d = setupDriver(0, [fast, slow]);
    d.driver.endMemorization();
    const takers: (number | null | undefined)[] = [];
    for (let i = 0; i < 30; i++) {
      await readUpperHalf(d, 12000);
      const reading = d.driver.state.readings.at(-1);
      if (reading?.lay !== null) takers.push(reading?.outcome?.taker);
      // The slow side owes cards after the fast side's takes from it: it sends by itself.
      for (let k = 0; k < 10 && d.driver.state.phase === 'sending'; k++) await Promise.resolve();
      if (d.driver.state.phase === 'over') break;
    }
    expect(takers.length).toBeGreaterThan(3);
    expect(takers.every((t) => t === 0)).toBe(true);
  });
});
