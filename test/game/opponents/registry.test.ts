import { describe, expect, it } from 'vitest';
import { BaselineOpponent } from '../../../src/game/opponents/baseline';
import type { Opponent } from '../../../src/game/opponents/opponent';
import {
  createOpponent,
  OPPONENT_NOTICES,
  type ModelLoad,
  type TransformerLoaders,
} from '../../../src/game/opponents/registry';
import { DIFFICULTIES } from '../../../src/game/settings/settings';

/** A stand-in model opponent, named after where its weights came from. */
function fakeModel(from: string): Opponent {
  return {
    name: { ja: from, en: from },
    beginReading: () => {},
    hear: () => null,
    chooseSend: (view) => view.own[0] ?? 0,
    dispose: () => {},
  };
}

/** Loaders that succeed or fail as told, and record what was asked of them. */
function loaders(outcome: { saved?: 'ok' | 'fail' | 'throw'; shipped?: 'ok' | 'fail' | 'throw' }) {
  const calls: string[] = [];
  const result = (how: 'ok' | 'fail' | 'throw' | undefined, from: string): ModelLoad => {
    if (how === 'throw') throw new Error(`${from} exploded`);
    return how === 'fail' ? { ok: false } : { ok: true, opponent: fakeModel(from) };
  };
  const fake: TransformerLoaders = {
    shipped: async (choice) => {
      calls.push(`shipped:${choice.difficulty}`);
      return result(outcome.shipped, 'shipped');
    },
    saved: async (id) => {
      calls.push(`saved:${id}`);
      return result(outcome.saved, `saved ${id}`);
    },
  };
  return { fake, calls };
}

const choice = { kind: 'transformer', difficulty: 'advanced', seed: 3 } as const;

describe('choosing the opponent', () => {
  it.each(DIFFICULTIES)(
    'gives the listening baseline at %s difficulty, named in both languages',
    async (difficulty) => {
      const { opponent, notice } = await createOpponent({ kind: 'baseline', difficulty, seed: 1 });
      expect(opponent).toBeInstanceOf(BaselineOpponent);
      expect(opponent.name.ja).not.toBe('');
      expect(opponent.name.en).not.toBe('');
      expect(notice).toBeUndefined();
      opponent.dispose();
    },
  );

  it('loads the shipped model at the settings difficulty when no saved model is chosen', async () => {
    const { fake, calls } = loaders({ shipped: 'ok' });
    const created = await createOpponent({ ...choice, model: 'shipped' }, fake);
    expect(created.opponent.name.en).toBe('shipped');
    expect(created.notice).toBeUndefined();
    expect(calls).toEqual(['shipped:advanced']);
  });

  it('plays the saved model the settings name, without a notice', async () => {
    const { fake, calls } = loaders({ saved: 'ok', shipped: 'ok' });
    const created = await createOpponent({ ...choice, model: 'm-42' }, fake);
    expect(created.opponent.name.en).toBe('saved m-42');
    expect(created.notice).toBeUndefined();
    expect(calls).toEqual(['saved:m-42']);
  });

  it.each(['fail', 'throw'] as const)(
    'falls back to the shipped model with a bilingual notice when the saved model does not load (%s)',
    async (how) => {
      const { fake } = loaders({ saved: how, shipped: 'ok' });
      const created = await createOpponent({ ...choice, model: 'deleted' }, fake);
      expect(created.opponent.name.en).toBe('shipped');
      expect(created.notice).toEqual(OPPONENT_NOTICES.savedModelFailed);
      expect(created.notice?.ja).not.toBe('');
    },
  );

  it.each(['fail', 'throw'] as const)(
    'falls back to the rule-based baseline with a notice when no model can run (%s)',
    async (how) => {
      const { fake } = loaders({ saved: how, shipped: how });
      const created = await createOpponent({ ...choice, model: 'corrupt' }, fake);
      expect(created.opponent).toBeInstanceOf(BaselineOpponent);
      expect(created.notice).toEqual(OPPONENT_NOTICES.modelUnavailable);
    },
  );
});
