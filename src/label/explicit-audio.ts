/**
 * The audio rhythm label 短长短短 (Morse "AI", GB 45438 §5) as 16-bit PCM. Timings and pitch are
 * data (data/kb/labelling.yaml); the standard fixes the pattern, not the durations.
 */
export interface Rhythm {
  /** tone and gap lengths in milliseconds */
  shortMs: number;
  longMs: number;
  gapMs: number;
  /** silence after the pattern, before the content */
  tailMs: number;
  frequency: number;
  /** peak amplitude 0–1 */
  amplitude: number;
}

export const PATTERN = ['short', 'long', 'short', 'short'] as const;

/** Interleaved little-endian 16-bit PCM of the rhythm. */
export function rhythmPcm(r: Rhythm, sampleRate: number, channels: number): Buffer {
  const ms = (n: number) => Math.round((n * sampleRate) / 1000);
  const parts: Array<{ tone: boolean; n: number }> = [];
  PATTERN.forEach((p, i) => {
    if (i > 0) parts.push({ tone: false, n: ms(r.gapMs) });
    parts.push({ tone: true, n: ms(p === 'short' ? r.shortMs : r.longMs) });
  });
  parts.push({ tone: false, n: ms(r.tailMs) });
  const total = parts.reduce((s, p) => s + p.n, 0);
  const out = Buffer.alloc(total * channels * 2);
  let i = 0;
  const ramp = ms(5); // 5 ms fades, so the tone starts and stops without clicks
  for (const p of parts)
    for (let k = 0; k < p.n; k++, i++) {
      let v = 0;
      if (p.tone) {
        const fade = Math.min(1, k / ramp, (p.n - 1 - k) / ramp);
        v = Math.round(Math.sin((2 * Math.PI * r.frequency * k) / sampleRate) * r.amplitude * fade * 32767);
      }
      for (let c = 0; c < channels; c++) out.writeInt16LE(v, (i * channels + c) * 2);
    }
  return out;
}

/**
 * Finds the rhythm in 16-bit PCM: tone bursts from a 10 ms energy envelope, then four bursts in a
 * row whose lengths read short, long, short, short (long ≥ 2× the shorts).
 */
export function findRhythm(pcm: Buffer, sampleRate: number, channels: number): boolean {
  const frame = Math.max(1, Math.round(sampleRate / 100));
  const frames = Math.floor(pcm.length / 2 / channels / frame);
  const energy: number[] = [];
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let k = 0; k < frame; k++) {
      const v = pcm.readInt16LE((f * frame + k) * channels * 2) / 32768;
      sum += v * v;
    }
    energy.push(Math.sqrt(sum / frame));
  }
  const peak = Math.max(0, ...energy);
  if (peak < 0.02) return false;
  const on = energy.map((e) => e > peak * 0.3);
  const bursts: Array<{ start: number; len: number }> = [];
  let start = -1;
  on.forEach((v, i) => {
    if (v && start < 0) start = i;
    if (!v && start >= 0) {
      bursts.push({ start, len: i - start });
      start = -1;
    }
  });
  if (start >= 0) bursts.push({ start, len: on.length - start });
  for (let i = 0; i + 4 <= bursts.length; i++) {
    const [a, b, c, d] = bursts.slice(i, i + 4).map((x) => x.len) as [number, number, number, number];
    const short = Math.max(a, c, d);
    if (b >= 2 * short && Math.min(a, c, d) * 2 >= short && short >= 3) return true;
  }
  return false;
}
