// Just enough RIFF/WAVE handling to cut Open JTalk's 16-bit PCM output down to the speech: the
// synthesiser pads each clip with half a second of silence before and a second after, which would
// otherwise sit between every two halves of the reading.

export interface Pcm {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly data: Buffer;
}

export function readWav(file: Buffer): Pcm {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let format: Omit<Pcm, 'data'> | undefined;
  for (let at = 12; at + 8 <= file.length;) {
    const id = file.toString('ascii', at, at + 4);
    const size = file.readUInt32LE(at + 4);
    const body = file.subarray(at + 8, at + 8 + size);
    if (id === 'fmt ') {
      if (body.readUInt16LE(0) !== 1) throw new Error('only PCM WAV is supported');
      format = {
        channels: body.readUInt16LE(2),
        sampleRate: body.readUInt32LE(4),
        bitsPerSample: body.readUInt16LE(14),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('data chunk before fmt chunk');
      return { ...format, data: body };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

export function writeWav(pcm: Pcm): Buffer {
  const blockAlign = (pcm.channels * pcm.bitsPerSample) / 8;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(pcm.channels, 22);
  header.writeUInt32LE(pcm.sampleRate, 24);
  header.writeUInt32LE(pcm.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(pcm.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.data.length, 40);
  return Buffer.concat([header, pcm.data]);
}

/** The samples between fromMs and toMs (clamped to the clip), whole frames only. */
export function cutPcm(pcm: Pcm, fromMs: number, toMs: number): Pcm {
  const frameBytes = (pcm.channels * pcm.bitsPerSample) / 8;
  const frames = pcm.data.length / frameBytes;
  const frameAt = (ms: number) => Math.min(frames, Math.max(0, Math.round((ms * pcm.sampleRate) / 1000)));
  const from = frameAt(fromMs);
  const to = Math.max(from, frameAt(toMs));
  return { ...pcm, data: pcm.data.subarray(from * frameBytes, to * frameBytes) };
}

export function durationMs(pcm: Pcm): number {
  const frameBytes = (pcm.channels * pcm.bitsPerSample) / 8;
  return ((pcm.data.length / frameBytes) * 1000) / pcm.sampleRate;
}

/** Samples at full scale (±32767, −32768): where a 16-bit signal was clipped. 16-bit only. */
export function clippedSamples(pcm: Pcm): number {
  if (pcm.bitsPerSample !== 16) throw new Error('16-bit only');
  let count = 0;
  for (let at = 0; at + 1 < pcm.data.length; at += 2) {
    const sample = pcm.data.readInt16LE(at);
    if (sample >= 32767 || sample <= -32767) count += 1;
  }
  return count;
}

/**
 * Evens out a held vowel. Held past a second, the voice drops ~15 dB into a quiet register;
 * a reader's 余韻 instead dies away slowly. Between fromMs and toMs this sets the level, in
 * 10 ms steps, to the level just before fromMs falling by `decayDb` over the span (gain kept
 * within ±18 dB, interpolated sample by sample so nothing clicks), fading out over its last
 * 300 ms. 16-bit mono only.
 */
const FINAL_FADE_MS = 300;

export function levelHeldVowel(
  pcm: Pcm,
  fromMs: number,
  toMs: number,
  decayDb: number,
  passes = 2,
  /** Half the window the level is measured over; a finer one follows a rougher voice. */
  halfWindowMs = 25,
): Pcm {
  if (pcm.channels !== 1 || pcm.bitsPerSample !== 16) throw new Error('16-bit mono only');
  const samples = new Int16Array(pcm.data.buffer, pcm.data.byteOffset, pcm.data.length / 2);
  const at = (ms: number) => Math.max(0, Math.min(samples.length, Math.round((ms * pcm.sampleRate) / 1000)));
  const start = at(fromMs);
  const end = at(toMs);
  const reference = rmsOf(samples, at(fromMs - 200), start);
  // Twice (or `passes` times): the second pass takes out what the first left (a level measured over 50 ms around
  // each 10 ms step still ripples by a decibel or two where the voice is rough).
  let out = samples;
  for (let pass = 1; pass <= passes; pass++) {
    out = levelPass(out, {
      start,
      end,
      reference,
      decayDb,
      rate: pcm.sampleRate,
      fade: pass === passes,
      halfWindowMs,
    });
  }
  return { ...pcm, data: Buffer.from(out.buffer, out.byteOffset, out.byteLength) };
}

function rmsOf(samples: Int16Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

function levelPass(
  samples: Int16Array,
  o: {
    start: number;
    end: number;
    reference: number;
    decayDb: number;
    rate: number;
    fade: boolean;
    halfWindowMs: number;
  },
): Int16Array {
  const { start, end } = o;
  const out = new Int16Array(samples);
  const at = (ms: number) => Math.round((ms * o.rate) / 1000);
  const step = at(10);
  const half = at(o.halfWindowMs);
  const gains: number[] = [];
  for (let i = start; i < end; i += step) {
    const progress = (i - start) / Math.max(1, end - start);
    const target = o.reference * 10 ** ((-o.decayDb * progress) / 20);
    const level = rmsOf(samples, Math.max(start, i - half), Math.min(end, i + half));
    gains.push(level > 0 ? Math.min(8, Math.max(1 / 8, target / level)) : 1);
  }
  // Ease in from gain 1 at the start of the hold so the join is seamless.
  for (let i = start; i < end; i++) {
    const k = (i - start) / step;
    const g0 = gains[Math.floor(k)] ?? 1;
    const g1 = gains[Math.floor(k) + 1] ?? g0;
    const ease = Math.min(1, (i - start) / Math.max(1, at(80)));
    const fade = o.fade ? Math.min(1, (end - i) / Math.max(1, at(FINAL_FADE_MS))) : 1;
    const gain = (1 + (g0 + (g1 - g0) * (k - Math.floor(k)) - 1) * ease) * fade;
    out[i] = Math.max(-32768, Math.min(32767, Math.round((samples[i] ?? 0) * gain)));
  }
  return out;
}
