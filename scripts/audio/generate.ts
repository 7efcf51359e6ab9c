// Renders the reading of every half-poem and of the 序歌, chanted as a competition reader reads,
// and writes, per clip, when each mora is heard. Run with `npm run audio` (installs the
// toolchain first, see setup.sh).
//
// For each half:
// 1. Open JTalk analyses the MODERN reading (src/data/poems.ts, never card kana): words, accent
//    phrases and a full-context label per phoneme with its natural duration. The labels are
//    mapped back onto toMorae(reading); if the dictionary reads the hiragana differently
//    (たつた → タッタ) the half is fed again in katakana, which it reads as written.
// 2. reading.ts plans the reader's phrasing on that analysis (held phrase ends, no silence
//    inside a half, the last sound held into the 余韻) and sets every phoneme's duration.
// 3. hts_engine renders those labels with their durations (-vp), the same voice and engine
//    Open JTalk uses (spectral GV weight 0.7 or less, see SPECTRUM_GV_WEIGHTS). The gain is set in the engine, before its 16-bit output: a first render
//    is measured (ITU-R BS.1770 loudness, by ffmpeg's ebur128) and the second is rendered at
//    the gain that puts it on LOUDNESS_LUFS. Nothing is limited or clipped afterwards.
// 4. A lower half's 余韻 is levelled to die away evenly (wav.ts levelHeldVowel), then the clip
//    is encoded to Opus and to MP3 (VBR, so LAME writes its gapless header: decoders that read
//    it, ffmpeg and Chromium among them, start the MP3 on the same sample as the Opus).
//
// Timings: a mora's `startMs` is when it is HEARD: 20 ms (two pitch periods) into its vowel (or
// ん; after っ, into the release); `onsetMs` is where its first phoneme (the consonant, a stop's silent closure
// included) begins. Both come from the durations written into the label, which the engine
// renders frame for frame. `npm run audio:check` measures the files against them.
//
// Deterministic: same packages, same input → byte-identical files (fixed Ogg serial numbers).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOKA, POEMS } from '../../src/data/poems';
import { toMorae } from '../../src/data/mora';
import { alignMorae, parseLabelLines, toKatakana, type Alignment } from './labels';
import { decodeToFloat, measureLoudness } from './measure';
import { parseWords, planHolds, retime, type Hold, type HoldLengths } from './reading';
import { heardOffsets, maxDipDb } from './metrics';
import { clippedSamples, durationMs, levelHeldVowel, readWav, writeWav, type Pcm } from './wav';

const OUT_DIR = 'assets/audio';
const DICT = '/var/lib/mecab/dic/open-jtalk/naist-jdic';
const VOICE = '/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice';
/** Every phoneme's natural duration × TEMPO: a reader's slow, even pace (~0.3 s a mora). */
const TEMPO = 1.45;
/** Held morae: total length of the held vowel, ms (ー long, ｰ short in the reference). */
const HOLDS_KAMI: HoldLengths = { long: 750, short: 420, final: 900 };
/** Recorded 余韻 per lower half, on top of its last vowel; the settings allow up to 5 s at
 * rate 1, a longer one fades. */
const HOLD_MS = 4000;
const HOLDS_SHIMO: HoldLengths = { long: 750, short: 420, final: HOLD_MS + 250 };
/** The held voice would fall ~15 dB over 4 s; a reader's 余韻 dies away by this much. */
const HOLD_DECAY_DB = 8;
/** A vowel is told apart once two or three of its pitch periods (~90 Hz) have sounded. */
const HEARD_AFTER_ONSET_MS = 20;
const LEAD_MS = 100;
const TAIL_MS = 150;
/** Every clip's integrated loudness. This voice is peaky (a pulse-excited male voice: true peaks
 * up to ~21 dB over its loudness), so −24 LUFS, one below EBU R128's broadcast −23, is what
 * keeps every clip's true peak under −1 dBTP after MP3 and Opus. */
const LOUDNESS_LUFS = -24;
/** Weights of the global variance of the spectrum, tried in turn (the engine's default is 1).
 * At 1, some open vowels after a stop (たかね's か) come out 10 dB louder than their
 * neighbours, a burst that put full-scale samples in half the lower halves: 0.7 takes 3–4 dB
 * off those peaks against the loudness and keeps the voice clear. A half that still reaches
 * full scale at the set loudness is rendered again with less (the log names it). */
const SPECTRUM_GV_WEIGHTS = [0.7, 0.55, 0.4];
/** What audio:check holds every clip to (see check.ts). */
const MAX_TRUE_PEAK_DBTP = -1;
const MAX_YOIN_DIP_DB = 2;
const MAX_LEVEL_PASSES = 5;
/** Loudness offsets of the last resort (a clip that met no limit above). */
const LAST_RESORT_LU = [-0.4, -0.8] as const;
/** [passes, half window ms]: the usual levelling first, then finer windows for a rough voice. */
const LAST_RESORT_LEVELLING = [
  [2, 25],
  [3, 15],
  [4, 10],
  [6, 6],
] as const;
/** The clip's own fade at the end of its 余韻 (wav.ts). */
const FINAL_FADE_MS = 300;
/** Gain of the first, measuring render: low enough that no voice clips. */
const PROBE_GAIN_DB = -12;
const OPUS_KBPS = 24;
/** LAME VBR quality (~40 kbit/s at 24 kHz); VBR because only then does LAME have room for its
 * gapless (Info/LAME) header in the first frame at this sample rate. */
const MP3_VBR = 6;

export interface ClipTiming {
  readonly durationMs: number;
  /** End of the reading's last mora (before the held vowel, if any). */
  readonly speechEndMs: number;
  /** Where a lower half's last vowel turns into its 余韻; null for upper halves. */
  readonly holdStartMs: number | null;
  /** End of the last sounding phoneme. */
  readonly soundEndMs: number;
  readonly morae: readonly { readonly mora: string; readonly startMs: number; readonly onsetMs: number }[];
  /** The held morae (index into morae → how long: see reading.ts), as the reader holds them. */
  readonly holds: Readonly<Record<number, Hold>>;
}

interface Clip {
  readonly id: string;
  readonly reading: string;
  readonly half: 'kami' | 'shimo';
}

function clipList(): Clip[] {
  const clips: Clip[] = [];
  for (const poem of [JOKA, ...POEMS]) {
    const base = poem.no === 0 ? 'joka' : String(poem.no).padStart(3, '0');
    clips.push({ id: `${base}-kami`, reading: poem.kami.reading, half: 'kami' });
    clips.push({ id: `${base}-shimo`, reading: poem.shimo.reading, half: 'shimo' });
  }
  return clips;
}

function analyse(text: string, work: string): string {
  const input = join(work, 'in.txt');
  writeFileSync(input, `${text}\n`);
  const trace = join(work, 'analysis.trace');
  execFileSync('open_jtalk', [
    '-x',
    DICT,
    '-m',
    VOICE,
    '-ow',
    join(work, 'analysis.wav'),
    '-ot',
    trace,
    input,
  ]);
  return readFileSync(trace, 'utf8');
}

function renderLabels(label: string, gainDb: number, gvWeight: number, work: string): Buffer {
  const file = join(work, 'reading.lab');
  writeFileSync(file, label);
  const wav = join(work, 'reading.wav');
  execFileSync('hts_engine', [
    ...['-m', VOICE, '-vp', '-jm', String(gvWeight)],
    ...['-g', gainDb.toFixed(2), '-ow', wav, file],
  ]);
  return readFileSync(wav);
}

/** `--resume-since=ISO-TIME`: an interrupted run goes on; clips encoded after that time are kept. */
const resumeSinceArg = process.argv
  .find((a) => a.startsWith('--resume-since='))
  ?.slice('--resume-since='.length);
const resumeSince = resumeSinceArg === undefined ? null : Date.parse(resumeSinceArg);

function renderClip(clip: Clip, serial: number, work: string, out: string, log: string[]): ClipTiming {
  const morae = toMorae(clip.reading);
  const phrases = clip.reading.trim().split(/\s+/);
  let analysed: { trace: string; aligned: Alignment & { ok: true } } | undefined;
  for (const katakana of [false, true]) {
    const text = phrases.join('\u3000');
    const trace = analyse(katakana ? toKatakana(text) : text, work);
    const aligned = alignMorae(
      parseLabelLines(trace).map((l) => l.phoneme),
      morae,
    );
    if (aligned.ok && aligned.holdStartMs === null) {
      if (katakana) log.push(`${clip.id}: hiragana misread, katakana used`);
      analysed = { trace, aligned };
      break;
    }
    log.push(
      `${clip.id} (${katakana ? 'katakana' : 'hiragana'}): ${aligned.ok ? 'extra sounds' : aligned.error}`,
    );
  }
  if (!analysed) throw new Error(`${clip.id}: Open JTalk's phonemes do not match the reading`);

  const lines = parseLabelLines(analysed.trace);
  const holds = planHolds(
    phrases.map((p) => toMorae(p).length),
    parseWords(analysed.trace),
    clip.half,
  );
  const lastIndex = analysed.aligned.morae.map((m) => m.lastIndex);
  const retimed = retime(lines, holds, lastIndex, {
    tempo: TEMPO,
    lengths: clip.half === 'kami' ? HOLDS_KAMI : HOLDS_SHIMO,
    leadMs: LEAD_MS,
    tailMs: TAIL_MS,
  });
  const phoneme = (labelIndex: number) => {
    const span = retimed.spans[labelIndex];
    if (!span) throw new Error(`${clip.id}: label ${labelIndex} lost in retiming`);
    return span;
  };
  const timings = analysed.aligned.morae.map((m, i) => {
    const last = phoneme(m.lastIndex);
    const first = phoneme(firstSounding(lines, (lastIndex[i - 1] ?? -1) + 1));
    // っ is a silent closure: it is heard when the next sound is released.
    const heardMs = (last.phoneme === 'cl' ? last.endMs : last.startMs) + HEARD_AFTER_ONSET_MS;
    return { mora: m.mora, startMs: heardMs, onsetMs: first.startMs };
  });
  const final = phoneme(lastIndex[lastIndex.length - 1]!);
  const originalFinal = lines[lastIndex[lastIndex.length - 1]!]!.phoneme;
  const naturalFinalMs = Math.round(((originalFinal.endMs - originalFinal.startMs) * TEMPO) / 5) * 5;
  const holdStartMs = clip.half === 'shimo' ? final.startMs + naturalFinalMs : null;
  const speechEndMs = holdStartMs ?? final.endMs;

  const labelEndMs = retimed.phonemes[retimed.phonemes.length - 1]?.endMs ?? 0;
  const stem = join(out, clip.id);
  if (process.argv.some((a) => a.startsWith('--preview='))) writeFileSync(`${stem}.lab`, retimed.label);
  if (!renderedSince(stem, resumeSince)) {
    const shape = (wav: Buffer, passes: number, halfWindowMs?: number) => {
      const pcm = readWav(wav);
      return holdStartMs === null
        ? pcm
        : levelHeldVowel(pcm, holdStartMs, final.endMs, HOLD_DECAY_DB, passes, halfWindowMs);
    };
    const wavFile = join(work, `${clip.id}.wav`);
    const encode = (pcm: Pcm) => {
      writeFileSync(wavFile, writeWav(pcm));
      execFileSync('opusenc', [
        ...['--quiet', '--bitrate', String(OPUS_KBPS), '--comp', '10', '--serial', String(serial)],
        ...['--artist', 'Open JTalk, HTS voice nitech-jp-atr503-m001 (CC BY 3.0)'],
        ...['--title', clip.id, wavFile, `${stem}.opus`],
      ]);
      execFileSync('lame', [
        ...['--quiet', '-m', 'm', '-V', String(MP3_VBR), '--resample', '24'],
        ...['--tt', clip.id, '--ta', 'Open JTalk nitech-jp-atr503-m001 (CC BY 3.0)'],
        ...[wavFile, `${stem}.mp3`],
      ]);
    };
    // The encoded files are measured as audio:check measures them; a clip that misses a limit
    // is rendered again: less spectral GV for a peak, one more levelling pass for a 余韻 dip.
    // (Most pass at once; the log names the others.)
    let pcm: Pcm | undefined;
    search: for (const weight of SPECTRUM_GV_WEIGHTS) {
      writeFileSync(wavFile, writeWav(shape(renderLabels(retimed.label, PROBE_GAIN_DB, weight, work), 2)));
      const probe = measureLoudness(wavFile);
      const gainDb = PROBE_GAIN_DB + LOUDNESS_LUFS - probe.integratedLufs;
      const raw = renderLabels(retimed.label, gainDb, weight, work);
      for (let passes = 2; passes <= MAX_LEVEL_PASSES; passes++) {
        const rendered = shape(raw, passes);
        const clipped = clippedSamples(rendered);
        if (clipped > 0) {
          log.push(
            `${clip.id}: ${clipped} full-scale samples at GV weight ${weight}, ${gainDb.toFixed(1)} dB`,
          );
          continue search;
        }
        encode(rendered);
        const peak = Math.max(
          ...['opus', 'mp3'].map((ext) => measureLoudness(`${stem}.${ext}`).truePeakDbtp),
        );
        if (peak > MAX_TRUE_PEAK_DBTP) {
          log.push(`${clip.id}: true peak ${peak} dBTP at GV weight ${weight}`);
          continue search;
        }
        const dip =
          holdStartMs === null
            ? 0
            : maxDipDb(decodeToFloat(`${stem}.opus`, 48000), 48000, holdStartMs, final.endMs - FINAL_FADE_MS);
        if (dip > MAX_YOIN_DIP_DB) {
          log.push(`${clip.id}: 余韻 dip ${dip.toFixed(1)} dB after ${passes} levelling passes`);
          continue;
        }
        if (weight !== SPECTRUM_GV_WEIGHTS[0] || passes !== 2) {
          log.push(`${clip.id}: spectral GV weight ${weight}, ${passes} levelling passes`);
        }
        pcm = rendered;
        break search;
      }
    }
    if (!pcm) {
      // Last resort, only for a clip that met no limit above (so every other clip renders as
      // before): the least GV, a little quieter (still within audio:check's ±1 LU) and more
      // levelling passes for a 余韻 that still dips.
      const weight = SPECTRUM_GV_WEIGHTS[SPECTRUM_GV_WEIGHTS.length - 1]!;
      writeFileSync(wavFile, writeWav(shape(renderLabels(retimed.label, PROBE_GAIN_DB, weight, work), 2)));
      const probeLufs = measureLoudness(wavFile).integratedLufs;
      rescue: for (const offsetLu of LAST_RESORT_LU) {
        const gainDb = PROBE_GAIN_DB + LOUDNESS_LUFS + offsetLu - probeLufs;
        const raw = renderLabels(retimed.label, gainDb, weight, work);
        for (const [passes, halfWindowMs] of LAST_RESORT_LEVELLING) {
          const rendered = shape(raw, passes, halfWindowMs);
          if (clippedSamples(rendered) > 0) continue rescue;
          encode(rendered);
          const peak = Math.max(
            ...['opus', 'mp3'].map((ext) => measureLoudness(`${stem}.${ext}`).truePeakDbtp),
          );
          if (peak > MAX_TRUE_PEAK_DBTP) continue rescue;
          const dip =
            holdStartMs === null
              ? 0
              : maxDipDb(
                  decodeToFloat(`${stem}.opus`, 48000),
                  48000,
                  holdStartMs,
                  final.endMs - FINAL_FADE_MS,
                );
          if (dip > MAX_YOIN_DIP_DB) continue;
          log.push(
            `${clip.id}: last resort: GV weight ${weight}, ${offsetLu} LU, ${passes} levelling passes`,
          );
          pcm = rendered;
          break rescue;
        }
      }
    }
    if (!pcm) {
      // Nothing met every limit: keep the last weight's first render if it has no full-scale
      // sample (audio:check will name what it misses); a clipped clip is never shipped.
      const weight = SPECTRUM_GV_WEIGHTS[SPECTRUM_GV_WEIGHTS.length - 1]!;
      writeFileSync(wavFile, writeWav(shape(renderLabels(retimed.label, PROBE_GAIN_DB, weight, work), 2)));
      const gainDb = PROBE_GAIN_DB + LOUDNESS_LUFS - measureLoudness(wavFile).integratedLufs;
      pcm = shape(renderLabels(retimed.label, gainDb, weight, work), 2);
      if (clippedSamples(pcm) > 0) throw new Error(`${clip.id}: clips at every GV weight tried`);
      encode(pcm);
      log.push(`${clip.id}: misses a limit at every setting; kept GV weight ${weight}, 2 passes`);
    }
    if (Math.abs(durationMs(pcm) - labelEndMs) > 10) {
      throw new Error(`${clip.id}: labels end at ${labelEndMs} ms, WAV at ${durationMs(pcm)} ms`);
    }
  }
  const timing = {
    durationMs: Math.round(labelEndMs),
    speechEndMs,
    holdStartMs,
    soundEndMs: final.endMs,
    holds: Object.fromEntries([...holds].sort(([a], [b]) => a - b)),
  };
  const opus = decodeToFloat(`${stem}.opus`, 48000);
  return { ...timing, morae: heardNoEarlierThanTheAudio(opus, 48000, { ...timing, morae: timings }) };
}

/** True when `--resume-since` is given and both encodings of the clip were written after it. */
function renderedSince(stem: string, since: number | null): boolean {
  if (since === null) return false;
  return ['opus', 'mp3'].every(
    (ext) => existsSync(`${stem}.${ext}`) && statSync(`${stem}.${ext}`).mtimeMs > since,
  );
}

/** How far a timestamp must stay after the measured vowel onset (codecs move it by a sample
 * or two; audio:check measures the encoded files). */
const ONSET_MARGIN_MS = 5;

/**
 * The label says where each vowel starts; the audio says where it is heard. A vowel that swells
 * in slowly (a half's first sound, out of silence) is heard later than its label: measured in
 * the rendered samples, its timestamp moves to the onset (plus a margin), never earlier.
 */
function heardNoEarlierThanTheAudio(
  samples: Float32Array,
  rate: number,
  timing: ClipTiming,
): ClipTiming['morae'] {
  const offsets = heardOffsets(samples, rate, timing);
  return timing.morae.map((mora, i) => {
    const offset = offsets[i];
    if (offset === null || offset === undefined || offset >= ONSET_MARGIN_MS) return mora;
    return { ...mora, startMs: Math.ceil(mora.startMs + ONSET_MARGIN_MS - offset) };
  });
}

/** Index of the first label at or after `from` that is not a silence. */
function firstSounding(lines: readonly { phoneme: { phoneme: string } }[], from: number): number {
  const at = lines.findIndex(
    (l, i) => i >= from && l.phoneme.phoneme !== 'sil' && l.phoneme.phoneme !== 'pau',
  );
  if (at < 0) throw new Error('no sounding phoneme');
  return at;
}

/**
 * `npm run audio` rewrites assets/audio. `npm run audio -- --check [--only=017-kami,joka-shimo]`
 * renders into a scratch folder instead and fails unless every file is byte-identical to the
 * committed one: the proof that the generator is deterministic and the assets are its output.
 * `--preview=DIR [--only=…]` renders into DIR (with the labels) to listen to.
 * `--jobs=N` (default 2) renders in N processes; the output does not depend on N.
 */
function main(): void {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const worker = arg('worker');
  if (worker !== undefined) return runWorker(worker, arg('out') ?? OUT_DIR, arg('only')?.split(','));
  const check = process.argv.includes('--check');
  const only = arg('only')?.split(',');
  const preview = arg('preview');
  if (only && !check && !preview)
    throw new Error('--only is for --check: a partial run would drop clips from timings.json');
  const jobs = Math.max(1, Number(arg('jobs') ?? 2));
  const work = mkdtempSync(join(tmpdir(), 'utakaruta-audio-'));
  const out = preview ?? (check ? join(work, 'out') : OUT_DIR);
  mkdirSync(out, { recursive: true });
  const clips: Record<string, ClipTiming> = {};
  const differences: string[] = [];
  try {
    const parts = Array.from({ length: jobs }, (_, i) => join(work, `part-${i}.json`));
    const children = parts.map((part, i) =>
      spawn(
        process.execPath,
        [
          ...process.execArgv,
          process.argv[1]!,
          `--worker=${i}/${jobs}:${part}`,
          `--out=${out}`,
          ...(only ? [`--only=${only.join(',')}`] : []),
          ...(preview ? ['--preview=1'] : []),
          ...(resumeSinceArg ? [`--resume-since=${resumeSinceArg}`] : []),
        ],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      ),
    );
    const codes = children.map(
      (child) => new Promise<number>((done) => child.on('exit', (code) => done(code ?? 1))),
    );
    void Promise.all(codes).then((exits) => {
      try {
        if (exits.some((code) => code !== 0)) throw new Error('a render worker failed');
        const rendered = Object.assign(
          {},
          ...parts.map((part) => JSON.parse(readFileSync(part, 'utf8')) as Record<string, ClipTiming>),
        ) as Record<string, ClipTiming>;
        for (const clip of clipList()) if (rendered[clip.id]) clips[clip.id] = rendered[clip.id]!;
        if (check) {
          const committed = (
            JSON.parse(readFileSync(join(OUT_DIR, 'timings.json'), 'utf8')) as {
              clips: Record<string, unknown>;
            }
          ).clips;
          for (const id of Object.keys(clips)) {
            for (const ext of ['opus', 'mp3']) {
              const name = `${id}.${ext}`;
              if (!readFileSync(join(out, name)).equals(readFileSync(join(OUT_DIR, name))))
                differences.push(name);
            }
            if (JSON.stringify(committed[id]) !== JSON.stringify(clips[id]))
              differences.push(`timings of ${id}`);
          }
          if (differences.length > 0) throw new Error(`differs from assets/audio: ${differences.join(', ')}`);
          console.log(`${Object.keys(clips).length} clips identical to assets/audio`);
          return;
        }
        writeTimings(out, clips);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/** Renders clip i, i+N, i+2N … (`spec` is "i/N:partFile") and writes their timings to partFile. */
function runWorker(spec: string, out: string, only: readonly string[] | undefined): void {
  const match = /^(\d+)\/(\d+):(.+)$/.exec(spec);
  if (!match) throw new Error(`bad --worker ${spec}`);
  const [, index, count, part] = match;
  const work = mkdtempSync(join(tmpdir(), 'utakaruta-audio-'));
  const log: string[] = [];
  const timings: Record<string, ClipTiming> = {};
  try {
    for (const [n, clip] of clipList().entries()) {
      if (n % Number(count) !== Number(index) || (only && !only.includes(clip.id))) continue;
      timings[clip.id] = renderClip(clip, n + 1, work, out, log);
      console.log(`${clip.id} rendered`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const line of log) console.log(line);
  writeFileSync(part!, JSON.stringify(timings));
}

function writeTimings(out: string, clips: Record<string, ClipTiming>): void {
  const timings = {
    version: 2,
    generator: 'scripts/audio/generate.ts',
    voice: 'nitech-jp-atr503-m001',
    speakingRate: 1,
    tempo: TEMPO,
    loudnessLufs: LOUDNESS_LUFS,
    clips,
  };
  writeFileSync(join(out, 'timings.json'), `${JSON.stringify(timings)}\n`);
  let bytes = 0;
  for (const id of Object.keys(clips)) {
    for (const ext of ['opus', 'mp3']) bytes += statSync(join(out, `${id}.${ext}`)).size;
  }
  console.log(`${Object.keys(clips).length} clips, ${(bytes / 1e6).toFixed(2)} MB of audio`);
}

main();
