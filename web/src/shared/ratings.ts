/** 服务评价 (U4): shapes of the ratings API, the words shown beside the stars, and saving a rating
 * (the same calls and checks on the PC and the H5; each surface keeps its own form and messages). */
import type { Api } from './api/client';
import type { paths } from './api/schema';
import { unwrap } from './errors';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

export type RateSubject = JsonOf<paths['/api/v1/ratings/subjects/{kind}/{object_id}']['get']['responses'][200]>;
export type MyRating = NonNullable<RateSubject['rating']>;
export type MyRatingPage = JsonOf<paths['/api/v1/ratings']['get']['responses'][200]>;
export type PendingRating = JsonOf<paths['/api/v1/ratings/pending']['get']['responses'][200]>[number];
export type AdminRatingPage = JsonOf<paths['/api/v1/admin/ratings']['get']['responses'][200]>;
export type AdminRating = AdminRatingPage['items'][number];

/** The kinds a merchant page may show a Rate card for (keys of the server's registry). */
export type RateKind = 'registration' | 'filing' | 'refund' | 'settlement' | 'shipment';

export interface RatingValues {
  stars: number;
  comment: string;
}

/** What a rating form saves: a first rating of a completed item, or a change to one's own rating. */
export type RatingTarget = { rating: Pick<MyRating, 'id'> } | { kind: string; objectId: number };

export const STARS_REQUIRED = '请选择星级';

/** The form's one rule: at least one star (the comment is optional). */
export function starsProblem(stars: number | undefined): string | null {
  return stars && stars >= 1 ? null : STARS_REQUIRED;
}

/** Save a rating (the comment trimmed); says whether it was a new rating or a change. */
export async function submitRating(api: Api, target: RatingTarget, values: RatingValues): Promise<'created' | 'updated'> {
  const body = { stars: values.stars, comment: values.comment.trim() };
  if ('rating' in target) {
    await unwrap(api.client.PATCH('/api/v1/ratings/{rating_id}', { params: { path: { rating_id: target.rating.id } }, body }));
    return 'updated';
  }
  await unwrap(api.client.POST('/api/v1/ratings/subjects/{kind}/{object_id}', { params: { path: { kind: target.kind, object_id: target.objectId } }, body }));
  return 'created';
}

/** The target of 我的评价's sheet: a 待评价 item, or a rating of one's own. */
export function targetOf(editing: { pending: PendingRating } | { rating: MyRating }): RatingTarget {
  return 'pending' in editing ? { kind: editing.pending.kind, objectId: editing.pending.object_id } : { rating: editing.rating };
}

export const STAR_WORDS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'] as const;
export const EDIT_DAYS = 7;
export const EDIT_RULE = `提交后 ${EDIT_DAYS} 天内可修改，捷晶回复后不再修改`;

export function starWord(stars: number): string {
  return STAR_WORDS[stars] ?? '';
}

/** 「5 星 · 非常满意」 */
export function starsText(stars: number): string {
  return `${stars} 星 · ${starWord(stars)}`;
}

/** The last day a rating may still be changed, e.g. 「12月12日前可修改」. */
export function editUntilText(editUntil: string): string {
  const until = new Date(editUntil);
  return `${until.getMonth() + 1}月${until.getDate()}日前可修改`;
}

/** The rating a 站内信 link names (`/me/ratings?id=…`, sent when 捷晶 replies), to highlight in 我的评价. */
export function ratingFocus(params: URLSearchParams): number | null {
  const id = Number(params.get('id'));
  return Number.isInteger(id) && id > 0 ? id : null;
}
