import { describe, expect, it } from 'vitest';
import { BaselineOpponent } from '../../../src/game/opponents/baseline';
import { createOpponent } from '../../../src/game/opponents/registry';
import { DIFFICULTIES } from '../../../src/game/settings/settings';

describe('choosing the opponent', () => {
  it.each(DIFFICULTIES)(
    'gives the listening baseline at %s difficulty, named in both languages',
    async (difficulty) => {
      const opponent = await createOpponent({ kind: 'baseline', difficulty, seed: 1 });
      expect(opponent).toBeInstanceOf(BaselineOpponent);
      expect(opponent.name.ja).not.toBe('');
      expect(opponent.name.en).not.toBe('');
      opponent.dispose();
    },
  );
});
