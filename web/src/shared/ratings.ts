/** 服务评价 (U4): shapes of the ratings API and the words shown beside the stars. */
import type { paths } from './api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

export type RateSubject = JsonOf<paths['/api/v1/ratings/subjects/{kind}/{object_id}']['get']['responses'][200]>;
export type MyRating = NonNullable<RateSubject['rating']>;
export type MyRatingPage = JsonOf<paths['/api/v1/ratings']['get']['responses'][200]>;
export type PendingRating = JsonOf<paths['/api/v1/ratings/pending']['get']['responses'][200]>[number];
export type AdminRatingPage = JsonOf<paths['/api/v1/admin/ratings']['get']['responses'][200]>;
export type AdminRating = AdminRatingPage['items'][number];

/** The kinds a merchant page may show a Rate card for (keys of the server's registry). */
export type RateKind = 'registration' | 'filing' | 'refund' | 'settlement' | 'shipment';

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
