/**
 * 「评价」 on a completed item's page (H5): a small card with stars and a comment, once per item;
 * afterwards the rating, its 7-day edit and 捷晶's reply. Shows nothing until the item is completed.
 */
import { Button, Card, ErrorBlock, Rate, Skeleton, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage } from '@/shared/errors';
import { useRateSubject } from '@/shared/hooks/useRateSubject';
import { EDIT_RULE, editUntilText, starsProblem, starWord, type MyRating, type RateKind, type RatingValues } from '@/shared/ratings';
import { useMe } from '@/shared/session';

export function MobileRateForm({
  initial,
  submitText,
  onSubmit,
  onCancel,
}: {
  initial?: Pick<MyRating, 'stars' | 'comment'>;
  submitText: string;
  onSubmit: (v: RatingValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const [stars, setStars] = useState(initial?.stars ?? 0);
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const missing = starsProblem(stars);
    if (missing) {
      setProblem(missing);
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ stars, comment });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="m-rate__form">
      <div className="m-rate__stars">
        <Rate
          value={stars}
          onChange={(v) => {
            setStars(v);
            setProblem(null);
          }}
          style={{ '--star-size': '30px' }}
          data-testid="m-rate-stars"
        />
        <span className="m-rate__word">{stars ? starWord(stars) : '点击星星评分'}</span>
      </div>
      {problem ? <div className="m-rate__problem">{problem}</div> : null}
      <TextArea
        value={comment}
        onChange={setComment}
        placeholder="说说办理体验：速度、沟通、结果…（选填）"
        rows={3}
        maxLength={500}
        showCount
        className="m-rate__comment"
        data-testid="m-rate-comment"
      />
      <div className="m-rate__actions">
        {onCancel ? (
          <Button size="small" onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button size="small" color="primary" loading={busy} onClick={() => void submit()} data-testid="m-rate-submit">
          {submitText}
        </Button>
      </div>
    </div>
  );
}

export function MobileRatingView({ rating }: { rating: MyRating }) {
  return (
    <div data-testid="m-rate-view">
      <div className="m-rate__stars">
        <Rate readOnly value={rating.stars} style={{ '--star-size': '18px' }} />
        <span className="m-rate__word">{starWord(rating.stars)}</span>
      </div>
      {rating.comment ? <div className="m-rate__text">{rating.comment}</div> : null}
      <div className="m-rate__meta">{formatDateTime(rating.created_at)}</div>
      {rating.reply ? (
        <div className="m-rate__reply" data-testid="m-rate-reply">
          <Tag color="primary" fill="outline">
            捷晶回复
          </Tag>{' '}
          {rating.reply}
        </div>
      ) : null}
    </div>
  );
}

export function MobileRateCard({ kind, objectId }: { kind: RateKind; objectId: number }) {
  const { api } = useMe();
  const { subject, failure, editing, setEditing, save, hidden } = useRateSubject(api, kind, objectId);

  if (failure) {
    return (
      <Card title="服务评价" className="m-rate">
        <ErrorBlock status="default" title="评价加载失败" description={failure} />
      </Card>
    );
  }
  if (!subject) {
    return (
      <Card title="服务评价" className="m-rate">
        <Skeleton.Paragraph lineCount={2} animated />
      </Card>
    );
  }
  if (hidden) return null;
  const rating = subject.rating;

  const submit = async (v: RatingValues) => {
    try {
      Toast.show({ icon: 'success', content: (await save(v)) === 'updated' ? '评价已修改' : '感谢您的评价' });
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  };

  return (
    <Card
      title={rating ? '我的评价' : '评价本次服务'}
      extra={
        rating && subject.can_edit && !editing ? (
          <span className="m-rate__edit" onClick={() => setEditing(true)} data-testid="m-rate-edit">
            修改 · {editUntilText(rating.edit_until)}
          </span>
        ) : null
      }
      className="m-rate"
      data-testid="m-rate-card"
    >
      {rating && !editing ? (
        <MobileRatingView rating={rating} />
      ) : (
        <>
          <div className="m-rate__hint">已办结，欢迎评价。{EDIT_RULE}。</div>
          <MobileRateForm
            initial={rating ?? undefined}
            submitText={rating ? '保存修改' : '提交评价'}
            onSubmit={submit}
            onCancel={rating ? () => setEditing(false) : undefined}
          />
        </>
      )}
    </Card>
  );
}
