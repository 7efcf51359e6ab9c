// `npm run audio:check [-- --json] [--dir=assets/audio]`: measures every committed clip, Opus
// and MP3 as decoded (ffmpeg), against what a player must get, and exits non-zero when any is
// off: a clipped sample, a 余韻 dip deeper than 2 dB, loudness outside ±1 LU of the target, a
// true peak over −1 dBTP, MP3 and Opus apart by more than 5 ms, or a mora timestamp earlier
// than the vowel onset measured in the audio. CI runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeToFloat, measureLoudness } from './measure';
import { heardOffsets, maxDipDb, median, offsetMs, type ClipTimingLike } from './metrics';

const TARGET_LUFS = -24;
const LIMITS = { loudnessLu: 1, truePeakDbtp: -1, yoinDipDb: 2, mp3OffsetMs: 5 } as const;
/** The clip's own fade-out at the end of its 余韻 (wav.ts FINAL_FADE_MS): not a dip. */
const DESIGNED_FADE_MS = 300;
const RATE = 48000;

interface Report {
  clips: number;
  loudnessLufs: { min: number; max: number; target: number };
  truePeakDbtp: { max: number };
  clippedSamples: number;
  yoinMaxDipDb: number;
  mp3OffsetMs: { max: number };
  heardOffsetMs: { min: number; median: number; max: number; morae: number; devoiced: number };
  worst: Record<string, string>;
  failures: string[];
}

function main(): void {
  const json = process.argv.includes('--json');
  const dir = process.argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length) ?? 'assets/audio';
  const timings = JSON.parse(readFileSync(join(dir, 'timings.json'), 'utf8')) as {
    clips: Record<string, ClipTimingLike>;
  };
  const ids = Object.keys(timings.clips).sort();
  const loudness: { id: string; value: number }[] = [];
  const peaks: { id: string; value: number }[] = [];
  const dips: { id: string; value: number }[] = [];
  const lags: { id: string; value: number }[] = [];
  const heard: { id: string; value: number }[] = [];
  let clipped = 0;
  let devoiced = 0;
  const clippedIn: string[] = [];
  for (const [n, id] of ids.entries()) {
    const timing = timings.clips[id]!;
    const decoded: Float32Array[] = [];
    for (const ext of ['opus', 'mp3']) {
      const file = join(dir, `${id}.${ext}`);
      const { integratedLufs, truePeakDbtp } = measureLoudness(file);
      loudness.push({ id: `${id}.${ext}`, value: integratedLufs });
      peaks.push({ id: `${id}.${ext}`, value: truePeakDbtp });
      const samples = decodeToFloat(file, RATE);
      const full = samples.reduce((count, s) => count + (Math.abs(s) >= 1 ? 1 : 0), 0);
      if (full > 0) clippedIn.push(`${id}.${ext} (${full})`);
      clipped += full;
      decoded.push(samples);
    }
    const [opus, mp3] = decoded as [Float32Array, Float32Array];
    lags.push({ id, value: Math.abs(offsetMs(opus, mp3, RATE)) });
    if (timing.holdStartMs !== null) {
      dips.push({
        id,
        value: maxDipDb(opus, RATE, timing.holdStartMs, timing.soundEndMs - DESIGNED_FADE_MS),
      });
    }
    if (id.endsWith('-kami')) {
      const offsets = heardOffsets(opus, RATE, timing);
      devoiced += offsets.filter((o) => o === null).length;
      for (const o of offsets) if (o !== null) heard.push({ id, value: o });
    }
    if (!json) process.stdout.write(`\r${n + 1}/${ids.length} clips measured`);
  }
  if (!json) process.stdout.write('\n');

  const highest = (list: { id: string; value: number }[]) =>
    list.reduce((a, b) => (b.value > a.value ? b : a), { id: '-', value: -Infinity });
  const lowest = (list: { id: string; value: number }[]) =>
    list.reduce((a, b) => (b.value < a.value ? b : a), { id: '-', value: Infinity });
  const round = (x: number) => Math.round(x * 10) / 10;
  const report: Report = {
    clips: ids.length,
    loudnessLufs: {
      min: round(lowest(loudness).value),
      max: round(highest(loudness).value),
      target: TARGET_LUFS,
    },
    truePeakDbtp: { max: round(highest(peaks).value) },
    clippedSamples: clipped,
    yoinMaxDipDb: round(Math.max(0, highest(dips).value)),
    mp3OffsetMs: { max: round(Math.max(0, highest(lags).value)) },
    heardOffsetMs: {
      min: round(lowest(heard).value),
      median: round(median(heard.map((h) => h.value))),
      max: round(highest(heard).value),
      morae: heard.length,
      devoiced,
    },
    worst: {
      loudest: highest(loudness).id,
      quietest: lowest(loudness).id,
      truePeak: highest(peaks).id,
      yoinDip: highest(dips).id,
      mp3Offset: highest(lags).id,
      earliestHeard: lowest(heard).id,
    },
    failures: [],
  };
  const f = report.failures;
  if (clipped > 0) f.push(`clipped samples in ${clippedIn.slice(0, 8).join(', ')}`);
  // Every clip over a limit is named, not only the worst (a regeneration needs the whole list).
  for (const { id, value } of dips) {
    if (value > LIMITS.yoinDipDb) f.push(`余韻 dip of ${round(value)} dB in ${id}`);
  }
  for (const { id, value } of loudness) {
    if (Math.abs(value - TARGET_LUFS) > LIMITS.loudnessLu) f.push(`${id} at ${round(value)} LUFS`);
  }
  for (const { id, value } of peaks) {
    if (value > LIMITS.truePeakDbtp) f.push(`true peak ${round(value)} dBTP in ${id}`);
  }
  if (report.mp3OffsetMs.max > LIMITS.mp3OffsetMs) {
    f.push(`MP3 ${report.mp3OffsetMs.max} ms off its Opus in ${report.worst.mp3Offset}`);
  }
  if (report.heardOffsetMs.min < 0) {
    f.push(
      `a mora stamped ${-report.heardOffsetMs.min} ms before its vowel onset in ${report.worst.earliestHeard}`,
    );
  }
  if (json) {
    console.log(JSON.stringify(report));
  } else {
    const l = report.loudnessLufs;
    const h = report.heardOffsetMs;
    console.log(
      [
        `${report.clips} clips (Opus and MP3 each)`,
        `loudness ${l.min} … ${l.max} LUFS (target ${l.target} ± ${LIMITS.loudnessLu})`,
        `true peak max ${report.truePeakDbtp.max} dBTP (${report.worst.truePeak})`,
        `clipped samples ${report.clippedSamples}`,
        `余韻 deepest dip ${report.yoinMaxDipDb} dB (${report.worst.yoinDip})`,
        `MP3 vs Opus max ${report.mp3OffsetMs.max} ms (${report.worst.mp3Offset})`,
        `heard − vowel onset: min ${h.min}, median ${h.median}, max ${h.max} ms over ${h.morae} morae (${h.devoiced} devoiced, not measured)`,
        ...f.map((line) => `FAIL: ${line}`),
      ].join('\n'),
    );
  }
  if (f.length > 0) process.exitCode = 1;
}

main();
