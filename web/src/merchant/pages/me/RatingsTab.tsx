/** 我的评价 (U4): the merchant's ratings with 捷晶's replies, and the completed items 待评价. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Modal, Rate, Segmented, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { RateForm } from '@/shared/components/RateCard';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { EDIT_RULE, editUntilText, ratingFocus, starWord, submitRating, targetOf, type MyRating, type PendingRating, type RatingValues } from '@/shared/ratings';
import { useMe } from '@/shared/session';

type Editing = { pending: PendingRating } | { rating: MyRating } | null;

export function RatingsTab() {
  const { api } = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'pending' ? 'pending' : 'mine';
  const [answered, setAnswered] = useState<'all' | 'yes' | 'no'>('all');
  const [editing, setEditing] = useState<Editing>(null);
  // A 站内信 link (/me/ratings?id=…) names one rating: the first load asks for the page that holds it.
  const focus = ratingFocus(params);
  const [page, setPage] = useState(1);
  const [focusPending, setFocusPending] = useState(focus !== null);
  const scrollToFocus = (rows: MyRating[]) => {
    if (focus === null || !rows.some((r) => r.id === focus)) return;
    requestAnimationFrame(() => document.querySelector(`[data-row-key="${focus}"]`)?.scrollIntoView({ block: 'center' }));
  };
  const mineRef = useRef<ActionType>();
  const pendingRef = useRef<ActionType>();

  const save = async (v: RatingValues) => {
    if (!editing) return;
    try {
      message.success((await submitRating(api, targetOf(editing), v)) === 'updated' ? '评价已修改' : '感谢您的评价！');
      setEditing(null);
      mineRef.current?.reload();
      pendingRef.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const mineColumns: ProColumns<MyRating>[] = [
    {
      title: '业务',
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <Tag bordered={false}>{r.kind_label}</Tag>
          {r.subject_route ? <Link to={r.subject_route}>{r.subject_title}</Link> : r.subject_title}
        </Space>
      ),
      width: 240,
    },
    {
      title: '评价',
      render: (_, r) => (
        <div>
          <Space size={6}>
            <Rate disabled value={r.stars} style={{ fontSize: 14 }} />
            <Typography.Text type="secondary">{starWord(r.stars)}</Typography.Text>
          </Space>
          {r.comment ? <div style={{ marginTop: 4 }}>{r.comment}</div> : null}
          {r.reply ? (
            <div className="jmt-rate__reply" data-testid="my-rating-reply">
              <Tag color="geekblue" bordered={false}>
                捷晶回复
              </Tag>
              {r.reply}
            </div>
          ) : null}
        </div>
      ),
    },
    { title: '评价时间', width: 170, render: (_, r) => formatDateTime(r.created_at) },
    {
      title: '操作',
      width: 150,
      render: (_, r) =>
        r.editable ? (
          <Space direction="vertical" size={0}>
            <a onClick={() => setEditing({ rating: r })}>修改</a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {editUntilText(r.edit_until)}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{r.reply ? '已回复' : '—'}</Typography.Text>
        ),
    },
  ];

  const pendingColumns: ProColumns<PendingRating>[] = [
    { title: '业务类型', width: 110, render: (_, p) => <Tag bordered={false}>{p.kind_label}</Tag> },
    { title: '业务', render: (_, p) => <Link to={p.route}>{p.title}</Link> },
    { title: '办结时间', width: 170, render: (_, p) => formatDateTime(p.completed_at) },
    {
      title: '操作',
      width: 110,
      render: (_, p) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setEditing({ pending: p })} data-testid="pending-rate">
          去评价
        </Button>
      ),
    },
  ];

  return (
    <div className="jmt-me__pane">
      <div className="jmt-me__pane-head">
        <Typography.Title level={5}>我的评价</Typography.Title>
        <Typography.Text type="secondary">业务办结后可评价 1–5 星；{EDIT_RULE}。</Typography.Text>
      </div>
      <Segmented
        value={tab}
        onChange={(v) => setParams(v === 'pending' ? { tab: 'pending' } : {}, { replace: true })}
        options={[
          { value: 'mine', label: '已评价' },
          { value: 'pending', label: '待评价' },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="ratings-tabs"
      />
      {tab === 'mine' ? (
        <ProTable<MyRating>
          actionRef={mineRef}
          rowKey="id"
          search={false}
          options={false}
          params={{ answered }}
          rowClassName={(r) => (r.id === focus ? 'jmt-rate__focus' : '')}
          onLoad={scrollToFocus}
          headerTitle={
            <Segmented
              size="small"
              value={answered}
              onChange={(v) => {
                setAnswered(v as typeof answered);
                setPage(1);
              }}
              options={[
                { value: 'all', label: '全部' },
                { value: 'yes', label: '已回复' },
                { value: 'no', label: '未回复' },
              ]}
            />
          }
          columns={mineColumns}
          pagination={{ pageSize: 10, showSizeChanger: false, current: page, onChange: setPage }}
          locale={{ emptyText: '还没有评价；业务办结后可在业务页面或「待评价」中评价' }}
          request={async ({ current, pageSize }) => {
            const looking = focusPending && focus !== null;
            const data = await unwrap(
              api.client.GET('/api/v1/ratings', {
                params: {
                  query: {
                    page: current,
                    page_size: pageSize,
                    answered: answered === 'all' ? undefined : answered === 'yes',
                    focus: looking ? focus : undefined,
                  },
                },
              }),
            );
            if (looking) {
              setFocusPending(false);
              setPage(data.page);
            }
            return { data: data.items, total: data.total, success: true };
          }}
          data-testid="my-ratings"
        />
      ) : (
        <ProTable<PendingRating>
          actionRef={pendingRef}
          rowKey={(p) => `${p.kind}-${p.object_id}`}
          search={false}
          options={false}
          columns={pendingColumns}
          pagination={false}
          locale={{ emptyText: '近 30 天办结的业务都已评价，谢谢！' }}
          request={async () => {
            const data = await unwrap(api.client.GET('/api/v1/ratings/pending'));
            return { data, total: data.length, success: true };
          }}
          data-testid="pending-ratings"
        />
      )}
      <Modal
        open={editing !== null}
        title={editing ? ('pending' in editing ? `评价：${editing.pending.title}` : `修改评价：${editing.rating.subject_title}`) : ''}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        {editing ? (
          <RateForm
            initial={'rating' in editing ? editing.rating : undefined}
            submitText={'rating' in editing ? '保存修改' : '提交评价'}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </div>
  );
}
