// Measurements of rendered audio, with ffmpeg (Debian package ffmpeg): EBU R128 / ITU-R
// BS.1770 loudness and true peak (the ebur128 filter, 4× oversampled peak), and decoding any
// clip to 32-bit float samples the way a browser's decoder would (ffmpeg honours LAME's gapless
// header and Opus' pre-skip).
import { execFileSync, spawnSync } from 'node:child_process';

export interface Loudness {
  readonly integratedLufs: number;
  readonly truePeakDbtp: number;
}

/** Integrated loudness and true peak of an audio file. */
export function measureLoudness(file: string): Loudness {
  const args = ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'];
  const run = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ffmpeg could not measure ${file}: ${run.stderr.slice(-300)}`);
  return parseEbur128(run.stderr);
}

/** Reads the "Summary:" block that ffmpeg's ebur128 filter prints to stderr. */
export function parseEbur128(report: string): Loudness {
  const summary = report.slice(report.lastIndexOf('Summary:'));
  const integrated = /I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1];
  const peak = /True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1];
  if (integrated === undefined || peak === undefined) throw new Error('no ebur128 summary in ffmpeg output');
  const value = (text: string) => (text === '-inf' ? -Infinity : Number(text));
  return { integratedLufs: value(integrated), truePeakDbtp: value(peak) };
}

/** Decodes an audio file to mono 32-bit float samples at `sampleRate`. */
export function decodeToFloat(file: string, sampleRate: number): Float32Array {
  const raw = execFileSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      file,
      '-ac',
      '1',
      '-ar',
      String(sampleRate),
      '-f',
      'f32le',
      '-',
    ],
    { maxBuffer: 1 << 28 },
  );
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}
