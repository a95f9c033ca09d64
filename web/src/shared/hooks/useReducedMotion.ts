/** The person's 「减弱动态效果」 setting (`prefers-reduced-motion: reduce`), followed live. */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function media(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
}

export function prefersReducedMotion(): boolean {
  return media()?.matches ?? false;
}

/** Calls `listener` whenever the setting changes; returns the unsubscribe. */
export function onReducedMotionChange(listener: (reduced: boolean) => void): () => void {
  const list = media();
  if (!list) return () => undefined;
  const handler = (event: MediaQueryListEvent) => listener(event.matches);
  list.addEventListener('change', handler);
  return () => list.removeEventListener('change', handler);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore((notify) => onReducedMotionChange(notify), prefersReducedMotion, () => false);
}
