// `npm run eval:opponent [-- --json] [--seed N] [--no-browser] [--no-train] [--checkpoint DIR]`
// Measures the shipped listener checkpoint against the targets:
// - free-running exact match of all 100 lower halves from the full reading;
// - a seeded game of 100 readings at the strongest level, everything on the field (dynamic
//   kimariji): the mora at which it commits vs the kimariji at that moment, wrong takes, early
//   guesses; the same game with an untrained model of the same shape vs chance;
// - median time to score 100 candidates for one prefix in headless Chromium (WASM, WebGL);
// - training time of the 'fast' recipe to a stable 100/100, measured in Node (wasm) and in
//   Chromium (wasm), and the shipped checkpoint's size.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { kimarijiLength } from '../src/data/kimariji';
import { toMorae } from '../src/data/mora';
import { POEMS } from '../src/data/poems';
import { createRng } from '../src/data/random';
import { TRANSFORMER_PRESETS, TransformerOpponent } from '../src/game/opponents/transformer';
import { TransformerListener } from '../src/game/opponents/transformerListener';
import { useNodeBackend } from '../src/model/backendNode';
import { loadCheckpoint, type LoadedCheckpoint } from '../src/model/checkpoint';
import { fileCheckpoint, MODEL_JSON, WEIGHTS_BIN } from '../src/model/fileHandler';
import { Transformer } from '../src/model/transformer';
import { freeRunning } from '../src/training/metrics';
import { fullReadingPairs, LISTENER_TASK, listenerTask } from '../src/training/listener';
import { LISTENER_RECIPES, trainListener } from '../src/training/recipes';
import { launchBrowser } from '../test/browser/harness';
import { startEvalServer } from './eval-opponent-server';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'no-browser': { type: 'boolean', default: false },
    'no-train': { type: 'boolean', default: false },
    checkpoint: { type: 'string', default: 'assets/checkpoints/opponent' },
  },
});
const CHECKPOINT_DIR = values.checkpoint;
const seed = Number(values.seed);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

interface GameStats {
  readings: number;
  atKimariji: number;
  meanExtraMorae: number;
  wrongTakes: number;
  earlyGuesses: number;
  missed: number;
  /** Share of readings whose most-believed poem at the kimariji moment was the read one. */
  topAtKimariji: number;
  /** Mean of 1 / (poems still unread): a blind guess among them. */
  chance: number;
  /** One line per reading not taken at exactly its kimariji. */
  details: string[];
}

/** Plays one seeded game of 100 readings with every unread card on the field. */
function playGame(listener: TransformerListener, gameSeed: number, onlyUntilKimariji = false): GameStats {
  const rng = createRng(gameSeed);
  const order = rng.shuffle(POEMS.map((p) => p.no));
  const opponent = new TransformerOpponent(listener, TRANSFORMER_PRESETS.master, gameSeed);
  let atKimariji = 0;
  let extra = 0;
  let wrongTakes = 0;
  let earlyGuesses = 0;
  let missed = 0;
  let top = 0;
  let chance = 0;
  const details: string[] = [];
  order.forEach((no, i) => {
    const unread = order.slice(i).sort((a, b) => a - b);
    const poem = POEMS[no - 1]!;
    const morae = toMorae(poem.kami.reading);
    // With one poem left it is decided before a sound, but a listener acts on a sound.
    const decidingMorae = Math.max(1, kimarijiLength(no, unread));
    opponent.beginReading({ own: [], other: [], common: unread, unread });
    let c: { card: number; morae: number } | null = null;
    for (let index = 0; index < morae.length; index++) {
      const reach = opponent.hear({ index, mora: morae[index]!, atMs: index * 300 });
      if (index + 1 === decidingMorae) {
        const belief = opponent.latest?.belief ?? new Map<number, number>();
        const best = [...belief].reduce((a, b) => (b[1] > a[1] ? b : a), [0, -1] as [number, number]);
        if (best[0] === no) top++;
        if (onlyUntilKimariji) break;
      }
      if (reach && !c) c = { card: reach.card, morae: index + 1 };
      if (c && index + 1 >= decidingMorae) break; // taken: the rest of the reading changes nothing
    }
    chance += 1 / unread.length;
    if (!c || c.card !== no || c.morae !== decidingMorae) {
      const took = c ? `took ${c.card} after ${c.morae}` : 'never took';
      details.push(
        `reading ${i + 1}: poem ${no} (kimariji ${decidingMorae}, ${unread.length} unread) ${took}`,
      );
    }
    if (!c) {
      missed++;
      extra += morae.length + 1 - decidingMorae;
      return;
    }
    if (c.morae < decidingMorae) earlyGuesses++;
    if (c.card !== no) wrongTakes++;
    else {
      extra += c.morae - decidingMorae;
      if (c.morae === decidingMorae) atKimariji++;
    }
  });
  return {
    readings: order.length,
    atKimariji,
    meanExtraMorae: extra / order.length,
    wrongTakes,
    earlyGuesses,
    missed,
    topAtKimariji: top / order.length,
    chance: chance / order.length,
    details,
  };
}

async function loadShipped(): Promise<LoadedCheckpoint> {
  const loaded = await loadCheckpoint(fileCheckpoint(CHECKPOINT_DIR), { task: LISTENER_TASK });
  if (!loaded.ok) throw new Error(`${loaded.error.code}: ${loaded.error.message}`);
  return loaded.checkpoint;
}

interface BrowserNumbers {
  scoreMs: { wasm: number | null; webgl: number | null };
  plainScoreMs: { wasm: number | null; webgl: number | null };
  exactMatch: { wasm: number | null; webgl: number | null };
  trainSeconds: number | null;
  trainStableEpoch: number | null;
}

/** Serves the eval page with Vite and drives it in headless Chromium. */
async function measureInChromium(trainSeed: number | null): Promise<BrowserNumbers> {
  const server = await startEvalServer();
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await tab.goto(server.url);
    await tab.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 120_000 });
    const reports = await tab.evaluate(() => window.__evalOpponent!.measureScoring(200));
    const by = (b: string) => reports.find((r) => r.backend === b && r.available);
    const training =
      trainSeed === null
        ? { secondsToStable: null, stableFromEpoch: null }
        : await tab.evaluate((s) => window.__evalOpponent!.measureTraining(s), trainSeed);
    if (errors.length) console.error('browser errors:', errors);
    return {
      scoreMs: { wasm: by('wasm')?.scoreMsMedian ?? null, webgl: by('webgl')?.scoreMsMedian ?? null },
      plainScoreMs: {
        wasm: by('wasm')?.plainScoreMsMedian ?? null,
        webgl: by('webgl')?.plainScoreMsMedian ?? null,
      },
      exactMatch: { wasm: by('wasm')?.exactMatch ?? null, webgl: by('webgl')?.exactMatch ?? null },
      trainSeconds: training.secondsToStable,
      trainStableEpoch: training.stableFromEpoch,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

await useNodeBackend('wasm');
const shipped = await loadShipped();
const meta = shipped.metadata;
const task = listenerTask(POEMS, { source: shipped.sourceVocab, target: shipped.targetVocab });
const exactMatch = freeRunning(shipped.model, fullReadingPairs(task)).exactMatch;
log(
  `checkpoint: ${CHECKPOINT_DIR} (${meta.date}, seed ${meta.seed}, ${meta.epochs} epochs, ${shipped.model.parameterCount} parameters)`,
);
log(`free-running exact match from the full reading: ${exactMatch}/100`);

const trained = playGame(TransformerListener.fromCheckpoint(shipped), seed);
log(
  `game seed ${seed} (strongest level, threshold ${TRANSFORMER_PRESETS.master.threshold}): ` +
    `${trained.atKimariji}/100 at exactly the kimariji, mean extra morae ${trained.meanExtraMorae.toFixed(3)}, ` +
    `${trained.wrongTakes} wrong takes, ${trained.earlyGuesses} early guesses, ${trained.missed} never taken`,
);
for (const line of trained.details) log(`  ${line}`);
const untrained = new TransformerListener(
  Transformer.create(shipped.model.config, createRng(seed)),
  shipped.sourceVocab,
  shipped.targetVocab,
);
const random = playGame(untrained, seed, true);
log(
  `untrained model, same game: right card most believed at the kimariji ${(100 * random.topAtKimariji).toFixed(1)} % ` +
    `(chance ${(100 * random.chance).toFixed(1)} %; trained ${(100 * trained.topAtKimariji).toFixed(1)} %), ` +
    `${random.wrongTakes} wrong takes by then`,
);

// Training time is measured on the speed recipe ('fast'); the shipped checkpoint trains longer.
let nodeTrainSeconds: number | null = null;
if (!values['no-train']) {
  const run = await trainListener(LISTENER_RECIPES.fast, meta.seed);
  nodeTrainSeconds = run.secondsToStable;
  log(
    `training, recipe 'fast', Node (wasm): stable 100/100 from epoch ${run.stableFromEpoch} of ` +
      `${LISTENER_RECIPES.fast.epochs}, after ${run.secondsToStable?.toFixed(1)} s of optimizer steps`,
  );
  run.model.dispose();
}

let browser: BrowserNumbers | null = null;
if (!values['no-browser']) {
  browser = await measureInChromium(values['no-train'] ? null : meta.seed);
  log(
    `Chromium: score 100 candidates, median ${browser.scoreMs.wasm?.toFixed(2)} ms on WASM, ${browser.scoreMs.webgl?.toFixed(2)} ms on WebGL ` +
      `(without the cached card work ${browser.plainScoreMs.wasm?.toFixed(2)} / ${browser.plainScoreMs.webgl?.toFixed(2)} ms; ` +
      `exact match there ${browser.exactMatch.wasm}/100, ${browser.exactMatch.webgl}/100)`,
  );
  log(
    `Chromium training (wasm): stable 100/100 from epoch ${browser.trainStableEpoch} after ${browser.trainSeconds?.toFixed(1)} s`,
  );
}
const checkpointBytes = [MODEL_JSON, WEIGHTS_BIN].reduce(
  (n, f) => n + statSync(join(CHECKPOINT_DIR, f)).size,
  0,
);
log(`checkpoint size: ${checkpointBytes} bytes`);

if (values.json) {
  console.log(
    JSON.stringify({
      exactMatch,
      atKimarijiRate: trained.atKimariji / trained.readings,
      meanExtraMorae: trained.meanExtraMorae,
      wrongTakes: trained.wrongTakes,
      earlyGuesses: trained.earlyGuesses,
      randomModelCorrectRate: random.topAtKimariji,
      chanceRate: random.chance,
      scoreMsMedian: { wasm: browser?.scoreMs.wasm ?? null, webgl: browser?.scoreMs.webgl ?? null },
      trainSeconds: { node: nodeTrainSeconds, chromium: browser?.trainSeconds ?? null },
      checkpointBytes,
    }),
  );
}
shipped.model.dispose();
untrained.dispose();
