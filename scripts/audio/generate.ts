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
// the voice itself holds the vowel for a few seconds; the player fades it out when the 余韻 set in
// the settings is over. timings.json records where the hold starts.
//
// Deterministic: same packages, same input → byte-identical files (fixed Ogg serial numbers).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOKA, POEMS } from '../../src/data/poems';
import { toMorae } from '../../src/data/mora';
import { alignMorae, parseLabelTrace, toKatakana, type Alignment } from './labels';
import { cutPcm, durationMs, readWav, writeWav } from './wav';

const OUT_DIR = 'assets/audio';
const DICT = '/var/lib/mecab/dic/open-jtalk/naist-jdic';
const VOICE = '/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice';
/** Slower than conversation, even: a reader, not a newsreader. */
const SPEAKING_RATE = 0.7;
/** Long-vowel marks after a lower half: about 110 ms each at this rate (ん is shorter, so a
 * clip whose hold falls short of HOLD_MS is rendered again with proportionally more marks). */
const HOLD_MARKS = 36;
/** Recorded 余韻 per lower half; the settings allow up to 5 s at rate 1, a longer hold fades. */
const HOLD_MS = 4000;
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
    ...['-x', DICT, '-m', VOICE, '-r', String(SPEAKING_RATE)],
    ...['-ow', wav, '-ot', trace, input],
  ]);
  return { wav: readFileSync(wav), trace: readFileSync(trace, 'utf8') };
}

/** Phrases joined by full-width spaces (a pause each); the hold as long-vowel marks. */
function inputText(reading: string, holdMarks: number, katakana: boolean): string {
  const text = reading.trim().split(/\s+/).join('\u3000') + 'ー'.repeat(holdMarks);
  return katakana ? toKatakana(text) : text;
}

function renderClip(clip: Clip, serial: number, work: string, log: string[]): ClipTiming {
  const morae = toMorae(clip.reading);
  let result: { wav: Buffer; aligned: Alignment & { ok: true } } | undefined;
  for (const katakana of [false, true]) {
    let marks = clip.hold ? HOLD_MARKS : 0;
    let { wav, trace } = synthesize(inputText(clip.reading, marks, katakana), work);
    let aligned = alignMorae(parseLabelTrace(trace), morae);
    const held = (a: Alignment & { ok: true }) => a.soundEndMs - (a.holdStartMs ?? a.soundEndMs);
    if (aligned.ok && clip.hold && held(aligned) < HOLD_MS) {
      marks = Math.ceil((marks * HOLD_MS) / Math.max(1, held(aligned))) + 1;
      ({ wav, trace } = synthesize(inputText(clip.reading, marks, katakana), work));
      aligned = alignMorae(parseLabelTrace(trace), morae);
    }
    if (aligned.ok) {
      if (katakana) log.push(`${clip.id}: hiragana misread, katakana used`);
      result = { wav, aligned };
      break;
    }
    log.push(`${clip.id} (${katakana ? 'katakana' : 'hiragana'}): ${aligned.error}`);
  }
  if (!result) throw new Error(`${clip.id}: Open JTalk's phonemes do not match the reading`);

  const { aligned } = result;
  const first = aligned.morae[0]?.startMs ?? 0;
  const cutFrom = first - LEAD_MS;
  const pcm = cutPcm(readWav(result.wav), cutFrom, aligned.soundEndMs + TAIL_MS);
  const wavFile = join(work, `${clip.id}.wav`);
  writeFileSync(wavFile, writeWav(pcm));
  const stem = join(OUT_DIR, clip.id);
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

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'utakaruta-audio-'));
  const log: string[] = [];
  const clips: Record<string, ClipTiming> = {};
  try {
    for (const [index, clip] of clipList().entries()) {
      clips[clip.id] = renderClip(clip, index + 1, work, log);
      process.stdout.write(`\r${index + 1} clips`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write('\n');
  const timings = {
    version: 1,
    generator: 'scripts/audio/generate.ts',
    voice: 'nitech-jp-atr503-m001',
    speakingRate: SPEAKING_RATE,
    clips,
  };
  writeFileSync(join(OUT_DIR, 'timings.json'), `${JSON.stringify(timings)}\n`);
  let bytes = 0;
  for (const id of Object.keys(clips)) {
    for (const ext of ['opus', 'mp3']) bytes += statSync(join(OUT_DIR, `${id}.${ext}`)).size;
  }
  for (const line of log) console.log(line);
  console.log(`${Object.keys(clips).length} clips, ${(bytes / 1e6).toFixed(2)} MB of audio`);
}

main();
