/** The Rate card's state on both surfaces: the item's rating subject (loaded and reloaded), whether the
 * form is open, and saving — the card's look and its messages stay per surface. */
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../api/client';
import { errorMessage, unwrap } from '../errors';
import { submitRating, type RateKind, type RateSubject, type RatingValues } from '../ratings';

export function useRateSubject(api: Api, kind: RateKind, objectId: number) {
  const [subject, setSubject] = useState<RateSubject | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    setFailure(null);
    unwrap(api.client.GET('/api/v1/ratings/subjects/{kind}/{object_id}', { params: { path: { kind, object_id: objectId } } }))
      .then(setSubject)
      .catch((e) => setFailure(errorMessage(e)));
  }, [api, kind, objectId]);
  useEffect(load, [load]);

  /** Rate the item, or change the rating; closes the form and reloads. A refusal is thrown to the caller. */
  const save = useCallback(
    async (values: RatingValues) => {
      const rating = subject?.rating;
      const saved = await submitRating(api, rating ? { rating } : { kind, objectId }, values);
      setEditing(false);
      load();
      return saved;
    },
    [api, kind, objectId, subject, load],
  );

  /** Nothing to show before the item is completed, nor to someone who may not rate it and has no rating. */
  const hidden = subject !== null && (!subject.completed || (!subject.rating && !subject.can_rate));
  return { subject, failure, editing, setEditing, load, save, hidden };
}
