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
