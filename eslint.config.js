import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (src/data/random.ts).' },
      ],
    },
  },
  {
    // The rules engine is pure: no Phaser, no tfjs, no DOM.
    files: ['src/game/rules/**/*.ts', 'src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['phaser', '@tensorflow/*', '../scenes/*', '../view/*', '../opponents/*'] },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts', 'src/training/**/*.ts', 'src/speech/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['phaser'] }],
    },
  },
  {
    // The training layer (its worker included) and the model never reach up into the game.
    // (src/speech is not listed yet: its categories still take the game's Bilingual type.)
    files: ['src/model/**/*.ts', 'src/training/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser'], message: 'No Phaser below the game layer.' },
            { group: ['**/game/**'], message: 'model/ and training/ never import src/game.' },
          ],
        },
      ],
    },
  },
);
