// The training, evaluation and benchmark scripts run tfjs in Node through tsx, not vite: tfjs-core's
// gradients are ES modules whose extensionless imports Node refuses unless the npm scripts load
// scripts/node/tfjs-esm.mjs. This runs the trainer's imports exactly as `npm run train:opponent` does.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const HOOK = './scripts/node/tfjs-esm.mjs';

describe('tfjs in Node scripts', () => {
  it('every npm script that runs tfjs loads the resolve hook', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    for (const name of ['train:opponent', 'eval:opponent', 'bench:training', 'train:speech', 'bench:speech'])
      expect(scripts[name], name).toContain(`tsx --import ${HOOK} `);
  });

  it('takes a gradient through the trainer and the Node backend under tsx', () => {
    const out = execFileSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--import', HOOK, 'test/scripts/fixtures/nodeGradient.ts'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.trim().split('\n').at(-1)).toBe('[2,4,6]');
  }, 60_000);
});
