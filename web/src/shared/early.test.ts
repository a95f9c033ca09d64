import { describe, expect, it, vi } from 'vitest';
import { startEarly, takeEarly } from './early';

describe('early start-up requests', () => {
  it('hands the early answer to the page once, then the page asks for itself', async () => {
    const early = vi.fn().mockResolvedValue('early');
    const own = vi.fn().mockResolvedValue('own');
    startEarly('home-once', early);
    startEarly('home-once', early); // a second start is ignored
    expect(await takeEarly('home-once', own)).toBe('early');
    expect(await takeEarly('home-once', own)).toBe('own');
    expect(early).toHaveBeenCalledTimes(1);
    expect(own).toHaveBeenCalledTimes(1);
  });

  it('sends the page its own request when the early one failed', async () => {
    startEarly('home-failed', () => Promise.reject(new Error('401')));
    expect(await takeEarly('home-failed', () => Promise.resolve('own'))).toBe('own');
  });
});
