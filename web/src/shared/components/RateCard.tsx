/**
 * 「评价」 on a completed item's page (PC): stars and a comment, once per item; the rating, its
 * 7-day edit and 捷晶's reply afterwards. Shows nothing until the item is completed.
 */
import { StarFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Rate, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage } from '@/shared/errors';
import { useRateSubject } from '@/shared/hooks/useRateSubject';
import { EDIT_RULE, editUntilText, starsProblem, starWord, type MyRating, type RateKind, type RatingValues } from '@/shared/ratings';
import { useMe } from '@/shared/session';

export function RateForm({
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
  const [form] = Form.useForm<RatingValues>();
  const [busy, setBusy] = useState(false);
  const stars = Form.useWatch('stars', form) ?? initial?.stars ?? 0;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ stars: initial?.stars ?? 0, comment: initial?.comment ?? '' }}
      onFinish={async (v) => {
        setBusy(true);
        try {
          await onSubmit({ stars: v.stars, comment: v.comment ?? '' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item name="stars" label="满意度" rules={[{ validator: (_, v: number) => { const problem = starsProblem(v); return problem ? Promise.reject(new Error(problem)) : Promise.resolve(); } }]}>
        <Rate data-testid="rate-stars" />
      </Form.Item>
      {stars ? <div className="jmt-rate__word">{starWord(stars)}</div> : null}
      <Form.Item name="comment" label="评价内容（选填）">
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="说说办理体验：速度、沟通、结果…" data-testid="rate-comment" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rate-submit">
          {submitText}
        </Button>
        {onCancel ? <Button onClick={onCancel}>取消</Button> : null}
      </Space>
    </Form>
  );
}

export function RatingView({ rating }: { rating: MyRating }) {
  return (
    <div data-testid="rate-view">
      <Space size={8} align="center" wrap>
        <Rate disabled value={rating.stars} />
        <Typography.Text strong>{starWord(rating.stars)}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(rating.created_at)}</Typography.Text>
      </Space>
      {rating.comment ? <Typography.Paragraph style={{ margin: '8px 0 0' }}>{rating.comment}</Typography.Paragraph> : null}
      {rating.reply ? (
        <div className="jmt-rate__reply" data-testid="rate-reply">
          <Tag color="geekblue" bordered={false}>
            捷晶回复
          </Tag>
          {rating.reply}
          {rating.replied_at ? (
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {formatDateTime(rating.replied_at)}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function RateCard({ kind, objectId }: { kind: RateKind; objectId: number }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const { subject, failure, editing, setEditing, load, save, hidden } = useRateSubject(api, kind, objectId);

  if (failure) {
    return (
      <Card variant="borderless" className="jmt-card jmt-rate" title="服务评价">
        <Alert type="error" showIcon message={failure} action={<Button size="small" onClick={load}>重试</Button>} />
      </Card>
    );
  }
  if (!subject) {
    return (
      <Card variant="borderless" className="jmt-card jmt-rate" title="服务评价">
        <Skeleton active paragraph={{ rows: 1 }} />
      </Card>
    );
  }
  if (hidden) return null; // not completed yet, or e.g. a read-only 成员 with nothing to say
  const rating = subject.rating;

  const submit = async (v: RatingValues) => {
    try {
      message.success((await save(v)) === 'updated' ? '评价已修改' : '感谢您的评价！');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      variant="borderless"
      className="jmt-card jmt-rate"
      data-testid="rate-card"
      title={
        <Space>
          <StarFilled style={{ color: '#faad14' }} />
          {rating ? '我的评价' : '评价本次服务'}
        </Space>
      }
      extra={
        rating && subject.can_edit && !editing ? (
          <Space>
            <Typography.Text type="secondary">{editUntilText(rating.edit_until)}</Typography.Text>
            <Button size="small" onClick={() => setEditing(true)} data-testid="rate-edit">
              修改
            </Button>
          </Space>
        ) : null
      }
    >
      {rating && !editing ? (
        <RatingView rating={rating} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {subject.title}已办结，您的评价会帮助捷晶改进服务。{EDIT_RULE}。
          </Typography.Paragraph>
          <RateForm
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
