/** R3 注册进度看板 on the phone: the four nodes, the hint or the rejection reason, the timeline; live. */
import { SolutionOutlined } from '@ant-design/icons';
import { Button, DotLoading, ErrorBlock, List, NavBar, NoticeBar, Steps, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMessageEvents } from '@/shared/hooks/useMessageStream';
import { formatDuration, formatTime, KIND_LABELS, type ApplicationOut } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { MobileRateCard } from '../../components/MobileRateCard';
import { MobileResult } from '../../components/MobileResult';
import './registration.css';

const TAG_COLORS: Record<string, string> = {
  draft: 'default',
  rejected: 'danger',
  review: 'primary',
  onsite: 'warning',
  approved: 'success',
};

export default function ProgressPage() {
  const { api, me, reload: reloadMe } = useMe();
  const navigate = useNavigate();
  const [app, setApp] = useState<ApplicationOut | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [board, setBoard] = useState<{ key: string; label: string }[]>([]);
  const [status, setStatus] = useState<string>('not_started');

  const load = useCallback(async () => {
    try {
      const current = await unwrap(api.client.GET('/api/v1/registration/current'));
      setBoard(current.board);
      setStatus(current.registration_status);
      setApp((before) => {
        if (before && before.state !== 'approved' && current.application?.state === 'approved') void reloadMe();
        return current.application ?? null;
      });
      setFailure(null);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, reloadMe]);

  useEffect(() => {
    void load();
  }, [load]);
  useMessageEvents(api, () => void load());

  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));

  let body: React.ReactNode;
  if (failure) {
    body = <ErrorBlock status="default" title="加载失败" description={failure} />;
  } else if (app === undefined) {
    body = (
      <div className="mreg__loading">
        <DotLoading color="primary" />
      </div>
    );
  } else if (app === null && status === 'approved') {
    // Approved by 捷晶 directly (no application here): the board is complete all the same.
    body = (
      <>
        <section className="mreg__card" data-testid="approved-without-application">
          <div className="mreg__title">
            <span>{me.merchant?.display_name || me.merchant?.name}</span>
            <Tag color="success" fill="outline">
              核准通过
            </Tag>
          </div>
          <div className="mreg__sub">工商注册信息已由捷晶核准</div>
          <Steps direction="vertical" current={board.length} style={{ '--title-font-size': '15px', '--description-font-size': '12px' }}>
            {board.map((node) => (
              <Steps.Step key={node.key} title={node.label} status="finish" />
            ))}
          </Steps>
        </section>
        <NoticeBar color="info" wrap content="工商注册已核准，全部业务模块已开通。" />
      </>
    );
  } else if (app === null) {
    body = (
      <MobileResult
        icon={<SolutionOutlined />}
        title="尚未办理工商注册"
        actions={
          <>
            <Button block color="primary" shape="rounded" onClick={() => navigate('/registration/supplement')}>
              已有营业执照，补充企业信息
            </Button>
            <Button block shape="rounded" onClick={() => navigate('/registration/apply')}>
              办理个体户 / 企业注册
            </Button>
          </>
        }
      >
        提交材料后，审核进度将在这里实时显示。
      </MobileResult>
    );
  } else {
    const progress = app.progress;
    const currentIndex = Math.max(
      0,
      progress.nodes.findIndex((n) => n.status === 'current'),
    );
    const rejected = progress.state === 'rejected';
    body = (
      <>
        <section className="mreg__card">
          <div className="mreg__title">
            <span>{app.name || app.title}</span>
            <Tag color={TAG_COLORS[progress.state] ?? 'default'} fill="outline">
              {progress.state_label}
            </Tag>
          </div>
          <div className="mreg__sub">
            {KIND_LABELS[app.kind]} · 提交于 {formatTime(app.submitted_at)}
          </div>
          <Steps
            direction="vertical"
            current={progress.terminal ? progress.nodes.length : currentIndex}
            style={{ '--title-font-size': '15px', '--description-font-size': '12px' }}
          >
            {progress.nodes.map((node) => (
              <Steps.Step
                key={node.key}
                title={node.status === 'current' && node.state_label ? node.state_label : node.label}
                status={
                  node.status === 'done' || (node.status === 'current' && progress.terminal)
                    ? 'finish'
                    : node.status === 'current'
                      ? rejected
                        ? 'error'
                        : 'process'
                      : 'wait'
                }
                description={
                  node.status === 'current' && !progress.terminal
                    ? progress.hint
                    : node.expected_seconds && node.status === 'pending'
                      ? `预计${formatDuration(node.expected_seconds)}`
                      : undefined
                }
              />
            ))}
          </Steps>
        </section>
        {rejected && (
          <NoticeBar
            color="error"
            wrap
            content={`驳回原因：${progress.last_comment || '未说明'}。请修改后重新提交。`}
          />
        )}
        {app.editable && (
          <div className="mreg__card">
            <Button block color="primary" shape="rounded" onClick={() => navigate(app.kind === 'existing' ? '/registration/supplement' : '/registration/apply')}>
              {rejected ? '去修改并重新提交' : '继续填写'}
            </Button>
          </div>
        )}
        {progress.terminal && <NoticeBar color="info" wrap content="工商注册已核准，全部业务模块已开通。" />}
        {progress.state === 'approved' ? <MobileRateCard kind="registration" objectId={app.id} /> : null}
        <List header="办理记录" mode="card">
          {progress.timeline.map((entry) => (
            <List.Item
              key={entry.id}
              description={
                <>
                  {entry.comment ? <div className="mreg__comment">{entry.comment}</div> : null}
                  <div>
                    {formatTime(entry.created_at)} · {entry.actor_side === 'platform' ? '捷晶' : '商户'}
                  </div>
                </>
              }
            >
              <span className="mreg__entry">{entry.title}</span>
            </List.Item>
          ))}
        </List>
      </>
    );
  }

  return (
    <div className="mreg">
      <NavBar onBack={back}>注册进度</NavBar>
      {body}
    </div>
  );
}
