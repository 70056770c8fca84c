import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BeianError } from '../../errors.js';

const run = promisify(execFile);

/** Runs Debian's ffmpeg/ffprobe; a missing binary is an environment error (exit 3), not a crash. */
export async function tool(name: 'ffmpeg' | 'ffprobe', args: string[]): Promise<string> {
  try {
    const { stdout } = await run(name, args, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw BeianError.of('ENVIRONMENT', 'label.err.toolMissing', { tool: name });
    throw BeianError.of(
      'INPUT_INVALID',
      'label.err.toolFailed',
      { tool: name, message: (err.stderr ?? err.message).trim().split('\n').slice(-2).join(' ') },
      { cause: e },
    );
  }
}

export interface StreamInfo {
  codec: string;
  width?: number;
  height?: number;
  sampleRate?: number;
  channels?: number;
  duration?: number;
}

export async function probe(
  file: string,
): Promise<{ video?: StreamInfo; audio?: StreamInfo; duration?: number }> {
  const out = JSON.parse(
    await tool('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_type,codec_name,width,height,sample_rate,channels:format=duration',
      '-of',
      'json',
      file,
    ]),
  ) as { streams?: Array<Record<string, string | number>>; format?: { duration?: string } };
  const pick = (type: string): StreamInfo | undefined => {
    const s = out.streams?.find((x) => x.codec_type === type);
    if (!s) return undefined;
    return {
      codec: String(s.codec_name),
      ...(s.width ? { width: Number(s.width) } : {}),
      ...(s.height ? { height: Number(s.height) } : {}),
      ...(s.sample_rate ? { sampleRate: Number(s.sample_rate) } : {}),
      ...(s.channels ? { channels: Number(s.channels) } : {}),
    };
  };
  const video = pick('video');
  const audio = pick('audio');
  const duration = out.format?.duration ? Number(out.format.duration) : undefined;
  return { ...(video ? { video } : {}), ...(audio ? { audio } : {}), ...(duration ? { duration } : {}) };
}
