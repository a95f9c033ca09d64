import { describe, expect, it } from 'vitest';
import { parseFrames } from './ask';

describe('parseFrames', () => {
  it('splits complete frames and keeps the unfinished tail', () => {
    const { frames, rest } = parseFrames('event: meta\ndata: {"a":1}\n\nevent: delta\ndata: {"text":"体积"}\n\nevent: del');
    expect(frames).toEqual([
      { event: 'meta', data: '{"a":1}' },
      { event: 'delta', data: '{"text":"体积"}' },
    ]);
    expect(rest).toBe('event: del');
  });
});
