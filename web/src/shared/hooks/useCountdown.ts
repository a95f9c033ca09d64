import { useCallback, useEffect, useRef, useState } from 'react';

/** Whole seconds left until `deadline` (ms since epoch), never negative. */
export function secondsLeft(deadline: number | null, now: number): number {
  if (deadline === null) return 0;
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * A resend countdown measured against the clock (not by counting ticks), so a throttled
 * background tab still shows the right figure when it wakes up.
 */
export function useCountdown(tickMs = 250) {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [remaining, setRemaining] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const start = useCallback((seconds: number) => {
    const s = Math.max(0, Math.ceil(seconds));
    setDeadline(s > 0 ? Date.now() + s * 1000 : null);
    setRemaining(s);
  }, []);

  const reset = useCallback(() => {
    setDeadline(null);
    setRemaining(0);
  }, []);

  useEffect(() => {
    if (deadline === null) return undefined;
    timer.current = setInterval(() => {
      const left = secondsLeft(deadline, Date.now());
      setRemaining(left);
      if (left === 0) setDeadline(null);
    }, tickMs);
    return () => {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
    };
  }, [deadline, tickMs]);

  return { remaining, running: remaining > 0, start, reset };
}
