/** Report reading / watching progress of a lesson: scroll depth for articles, time for videos;
 * sent at most every few seconds and when the person leaves. Progress never goes back on the server. */
import { useCallback, useEffect, useRef } from 'react';
import type { Api } from '../api/client';
import type { components } from '../api/schema';

export type LessonProgress = components['schemas']['LessonProgressOut'];

export function useProgress(api: Api, lessonId: number | null, onSaved: (progress: LessonProgress) => void) {
  const pending = useRef<{ percent: number; position: number } | null>(null);
  const best = useRef(0);
  const send = useCallback(async () => {
    if (!lessonId || !pending.current) return;
    const body = pending.current;
    pending.current = null;
    const { data } = await api.client.POST('/api/v1/training/lessons/{lesson_id}/progress', { params: { path: { lesson_id: lessonId } }, body });
    if (data) onSaved(data);
  }, [api, lessonId, onSaved]);

  useEffect(() => {
    best.current = 0;
    const timer = window.setInterval(() => void send(), 4000);
    return () => {
      window.clearInterval(timer);
      void send();
    };
  }, [send]);

  const report = useCallback(
    (percent: number, position: number, now = false) => {
      const rounded = Math.max(0, Math.min(100, Math.round(percent)));
      best.current = Math.max(best.current, rounded);
      pending.current = { percent: best.current, position: Math.max(0, Math.round(position)) };
      if (now) void send();
    },
    [send],
  );
  return report;
}
