// Renders the reading of every half-poem and of the 序歌 with Open JTalk, and writes, per clip,
// when each mora is heard. Run with `npm run audio` (installs the toolchain first, see setup.sh).
//
// For each half: the MODERN reading (src/data/poems.ts, never card kana) is fed to open_jtalk;
// the label trace is mapped back onto toMorae(reading), one phoneme group per mora. If Open
// JTalk's dictionary reads the hiragana differently (たつた → タッタ), the half is fed again in
// katakana, which it reads as written; if that still does not match, the script stops and says
// where. The WAV is cut to the speech (100 ms lead), then encoded to Opus and MP3.
//
// Lower halves end in a held last sound (余韻): the reading gets HOLD_MARKS long-vowel marks, so
// the voice itself holds the vowel for ~4 s, levelled to die away slowly; the player fades it out
// when the 余韻 set in the settings is over. timings.json records where the hold starts.
//
// Deterministic: same packages, same input → byte-identical files (fixed Ogg serial numbers).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOKA, POEMS } from '../../src/data/poems';
import { toMorae } from '../../src/data/mora';
import { alignMorae, parseLabelTrace, toKatakana, type Alignment } from './labels';
import { cutPcm, durationMs, levelHeldVowel, readWav, writeWav } from './wav';

const OUT_DIR = 'assets/audio';
const DICT = '/var/lib/mecab/dic/open-jtalk/naist-jdic';
const VOICE = '/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice';
// Tempo. Open JTalk's -r (speed rate) spreads the change by each state's duration variance, so
// at -r 0.7 the silences between phrases stretch and the speech barely slows (measured: 7 morae
// took 945 ms at -r 0.7 against 870 ms at -r 1). A longer vocoder frame period slows every sound
// evenly and keeps the pitch (92 Hz either way) and the label trace in step with the WAV, so the
// reader's slow, even pace comes from -p: 360 samples at 48 kHz = 7.5 ms frames = 1.5x slower.
const SPEAKING_RATE = 1;
const FRAME_PERIOD = 360;
/** Long-vowel marks after a lower half, ~165 ms each at this tempo (ん is shorter, so a clip
 * whose hold falls short of HOLD_MS is rendered again with proportionally more marks). */
const HOLD_MARKS = 26;
/** Recorded 余韻 per lower half; the settings allow up to 5 s at rate 1, a longer hold fades. */
const HOLD_MS = 4000;
/** Held long, the voice drops ~15 dB after a second; the hold is levelled to die away by this
 * much over its ~4 s instead, like a reader's 余韻 (see levelHeldVowel). */
const HOLD_DECAY_DB = 8;
const LEAD_MS = 100;
const TAIL_MS = 150;
const OPUS_KBPS = 24;
const MP3_KBPS = 40;

export interface ClipTiming {
  readonly durationMs: number;
  /** End of the reading's last mora (before the held vowel, if any). */
  readonly speechEndMs: number;
  /** Start of the held last vowel (lower halves); null for upper halves. */
  readonly holdStartMs: number | null;
  /** End of the last sounding phoneme. */
  readonly soundEndMs: number;
  readonly morae: readonly { readonly mora: string; readonly startMs: number }[];
}

interface Clip {
  readonly id: string;
  readonly reading: string;
  readonly hold: boolean;
}

function clipList(): Clip[] {
  const clips: Clip[] = [];
  for (const poem of [JOKA, ...POEMS]) {
    const base = poem.no === 0 ? 'joka' : String(poem.no).padStart(3, '0');
    clips.push({ id: `${base}-kami`, reading: poem.kami.reading, hold: false });
    clips.push({ id: `${base}-shimo`, reading: poem.shimo.reading, hold: true });
  }
  return clips;
}

function synthesize(text: string, work: string): { wav: Buffer; trace: string } {
  const input = join(work, 'in.txt');
  writeFileSync(input, `${text}\n`);
  const wav = join(work, 'out.wav');
  const trace = join(work, 'out.trace');
  execFileSync('open_jtalk', [
    ...['-x', DICT, '-m', VOICE, '-r', String(SPEAKING_RATE), '-p', String(FRAME_PERIOD)],
    ...['-ow', wav, '-ot', trace, input],
  ]);
  return { wav: readFileSync(wav), trace: readFileSync(trace, 'utf8') };
}

/** Phrases joined by full-width spaces (a pause each); the hold as long-vowel marks. */
function inputText(reading: string, holdMarks: number, katakana: boolean): string {
  const text = reading.trim().split(/\s+/).join('\u3000') + 'ー'.repeat(holdMarks);
  return katakana ? toKatakana(text) : text;
}

interface Rendered {
  readonly wav: Buffer;
  readonly aligned: Alignment & { ok: true };
  /** End of the trace's last label (the trailing silence): must be the WAV's end. */
  readonly labelEndMs: number;
}

function render(text: string, morae: readonly string[], work: string): Rendered | string {
  const { wav, trace } = synthesize(text, work);
  const phonemes = parseLabelTrace(trace);
  const aligned = alignMorae(phonemes, morae);
  if (!aligned.ok) return aligned.error;
  return { wav, aligned, labelEndMs: phonemes[phonemes.length - 1]?.endMs ?? 0 };
}

function renderClip(clip: Clip, serial: number, work: string, out: string, log: string[]): ClipTiming {
  const morae = toMorae(clip.reading);
  const heldMs = ({ aligned }: Rendered) => aligned.soundEndMs - (aligned.holdStartMs ?? aligned.soundEndMs);
  let result: Rendered | undefined;
  for (const katakana of [false, true]) {
    const marks = clip.hold ? HOLD_MARKS : 0;
    let rendered = render(inputText(clip.reading, marks, katakana), morae, work);
    if (typeof rendered !== 'string' && clip.hold && heldMs(rendered) < HOLD_MS) {
      const more = Math.ceil((marks * HOLD_MS) / Math.max(1, heldMs(rendered))) + 1;
      rendered = render(inputText(clip.reading, more, katakana), morae, work);
    }
    if (typeof rendered !== 'string') {
      if (katakana) log.push(`${clip.id}: hiragana misread, katakana used`);
      result = rendered;
      break;
    }
    log.push(`${clip.id} (${katakana ? 'katakana' : 'hiragana'}): ${rendered}`);
  }
  if (!result) throw new Error(`${clip.id}: Open JTalk's phonemes do not match the reading`);

  const { aligned } = result;
  const pcmAll = readWav(result.wav);
  if (Math.abs(durationMs(pcmAll) - result.labelEndMs) > 20) {
    throw new Error(`${clip.id}: labels end at ${result.labelEndMs} ms, WAV at ${durationMs(pcmAll)} ms`);
  }
  const first = aligned.morae[0]?.startMs ?? 0;
  const cutFrom = first - LEAD_MS;
  const cut = cutPcm(pcmAll, cutFrom, aligned.soundEndMs + TAIL_MS);
  const pcm =
    aligned.holdStartMs === null
      ? cut
      : levelHeldVowel(cut, aligned.holdStartMs - cutFrom, aligned.soundEndMs - cutFrom, HOLD_DECAY_DB);
  const wavFile = join(work, `${clip.id}.wav`);
  writeFileSync(wavFile, writeWav(pcm));
  const stem = join(out, clip.id);
  execFileSync('opusenc', [
    ...['--quiet', '--bitrate', String(OPUS_KBPS), '--comp', '10', '--serial', String(serial)],
    ...['--artist', 'Open JTalk, HTS voice nitech-jp-atr503-m001 (CC BY 3.0)'],
    ...['--title', clip.id, wavFile, `${stem}.opus`],
  ]);
  execFileSync('lame', [
    ...['--quiet', '-m', 'm', '--cbr', '-b', String(MP3_KBPS), '--resample', '24'],
    ...['--tt', clip.id, '--ta', 'Open JTalk nitech-jp-atr503-m001 (CC BY 3.0)'],
    ...[wavFile, `${stem}.mp3`],
  ]);
  const shift = (ms: number) => Math.round(ms - cutFrom);
  return {
    durationMs: Math.round(durationMs(pcm)),
    speechEndMs: shift(aligned.speechEndMs),
    holdStartMs: aligned.holdStartMs === null ? null : shift(aligned.holdStartMs),
    soundEndMs: shift(aligned.soundEndMs),
    morae: aligned.morae.map((m) => ({ mora: m.mora, startMs: shift(m.startMs) })),
  };
}

/**
 * `npm run audio` rewrites assets/audio. `npm run audio -- --check [--only=017-kami,joka-shimo]`
 * renders into a scratch folder instead and fails unless every file is byte-identical to the
 * committed one: the proof that the generator is deterministic and the assets are its output.
 */
function main(): void {
  const check = process.argv.includes('--check');
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  if (only && !check)
    throw new Error('--only is for --check: a partial run would drop clips from timings.json');
  const work = mkdtempSync(join(tmpdir(), 'utakaruta-audio-'));
  const out = check ? join(work, 'out') : OUT_DIR;
  mkdirSync(out, { recursive: true });
  const log: string[] = [];
  const clips: Record<string, ClipTiming> = {};
  const differences: string[] = [];
  try {
    for (const [index, clip] of clipList().entries()) {
      if (only && !only.includes(clip.id)) continue;
      clips[clip.id] = renderClip(clip, index + 1, work, out, log);
      process.stdout.write(`\r${Object.keys(clips).length} clips`);
      if (!check) continue;
      for (const ext of ['opus', 'mp3']) {
        const name = `${clip.id}.${ext}`;
        if (!readFileSync(join(out, name)).equals(readFileSync(join(OUT_DIR, name)))) differences.push(name);
      }
      const committed = (
        JSON.parse(readFileSync(join(OUT_DIR, 'timings.json'), 'utf8')) as { clips: Record<string, unknown> }
      ).clips[clip.id];
      if (JSON.stringify(committed) !== JSON.stringify(clips[clip.id]))
        differences.push(`timings of ${clip.id}`);
    }
    process.stdout.write('\n');
    for (const line of log) console.log(line);
    if (check) {
      if (differences.length > 0) throw new Error(`differs from assets/audio: ${differences.join(', ')}`);
      console.log(`${Object.keys(clips).length} clips identical to assets/audio`);
      return;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const timings = {
    version: 1,
    generator: 'scripts/audio/generate.ts',
    voice: 'nitech-jp-atr503-m001',
    speakingRate: SPEAKING_RATE,
    framePeriod: FRAME_PERIOD,
    clips,
  };
  writeFileSync(join(OUT_DIR, 'timings.json'), `${JSON.stringify(timings)}\n`);
  let bytes = 0;
  for (const id of Object.keys(clips)) {
    for (const ext of ['opus', 'mp3']) bytes += statSync(join(OUT_DIR, `${id}.${ext}`)).size;
  }
  console.log(`${Object.keys(clips).length} clips, ${(bytes / 1e6).toFixed(2)} MB of audio`);
}

main();
