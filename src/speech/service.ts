// The speaker as a headless browser service: loads the six shipped checkpoints once, on the
// WASM backend (CPU when WASM cannot start), and hands the previous backend back when asked.
// The tongue-twister panel is a view over it and never touches tfjs itself.
import * as tf from '@tensorflow/tfjs-core';
import { useBrowserBackend } from '../model/backendBrowser';
import { httpCheckpoint } from '../model/checkpoint';
import { loadSpeaker, type Speaker, type SpeakerPart, type WordPart } from './speaker';
import repeaterJson from '../../assets/speech/checkpoints/repeater/model.json?url';
import repeaterBin from '../../assets/speech/checkpoints/repeater/weights.bin?url';
import horizontalJson from '../../assets/speech/checkpoints/horizontal/model.json?url';
import horizontalBin from '../../assets/speech/checkpoints/horizontal/weights.bin?url';
import verticalJson from '../../assets/speech/checkpoints/vertical/model.json?url';
import verticalBin from '../../assets/speech/checkpoints/vertical/weights.bin?url';
import wordRepeaterJson from '../../assets/speech/checkpoints/word-repeater/model.json?url';
import wordRepeaterBin from '../../assets/speech/checkpoints/word-repeater/weights.bin?url';
import wordHorizontalJson from '../../assets/speech/checkpoints/word-horizontal/model.json?url';
import wordHorizontalBin from '../../assets/speech/checkpoints/word-horizontal/weights.bin?url';
import wordVerticalJson from '../../assets/speech/checkpoints/word-vertical/model.json?url';
import wordVerticalBin from '../../assets/speech/checkpoints/word-vertical/weights.bin?url';

const URLS: Record<SpeakerPart | WordPart, [string, string]> = {
  repeater: [repeaterJson, repeaterBin],
  horizontal: [horizontalJson, horizontalBin],
  vertical: [verticalJson, verticalBin],
  'word-repeater': [wordRepeaterJson, wordRepeaterBin],
  'word-horizontal': [wordHorizontalJson, wordHorizontalBin],
  'word-vertical': [wordVerticalJson, wordVerticalBin],
};

let speakerPromise: Promise<Speaker> | undefined;

export interface SpeakerSession {
  /** The speaker and the tfjs backend it runs on ('wasm', or 'cpu' as the fallback);
   *  rejects when a checkpoint cannot be loaded (the next session tries again). */
  readonly ready: Promise<{ speaker: Speaker; backend: string }>;
  /** Gives the backend that was active when the session opened back to the rest of the game. */
  release(): void;
}

/** Opens the shipped speaker on WASM; its models load once and stay loaded across sessions. */
export function openSpeaker(): SpeakerSession {
  const previous = tf.engine().backendName as string | null | undefined;
  const ready = (async () => {
    if (!(await useBrowserBackend('wasm'))) await useBrowserBackend('cpu');
    speakerPromise ??= loadSpeaker((part) => httpCheckpoint(...URLS[part])).then((loaded) => {
      if (!loaded.ok) throw new Error(`${loaded.part}: ${loaded.error.message}`);
      return loaded.speaker;
    });
    speakerPromise.catch(() => (speakerPromise = undefined));
    return { speaker: await speakerPromise, backend: tf.getBackend() };
  })();
  return {
    ready,
    release: () => {
      if (previous && previous !== tf.engine().backendName) void tf.setBackend(previous);
    },
  };
}
