/** 出口申报流程推荐 (D1) on the phone: the filings as one path, the next one recommended with why. */
import { CheckOutlined } from '@ant-design/icons';
import { Button, ErrorBlock, ProgressCircle, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import type { FilingGuideOut } from '@/shared/filings';
import { useMe } from '@/shared/session';
import { FilingLoading, FilingShell } from './FilingShell';

const COLORS: Record<string, string> = { done: 'success', action: 'warning', waiting: 'primary', todo: 'default', blocked: 'default' };

export default function FilingsHomePage() {
  return (
    <FilingShell title="跨境申报">
      <Guide />
    </FilingShell>
  );
}

function Guide() {
  const { api } = useMe();
  const navigate = useNavigate();
  const [guide, setGuide] = useState<FilingGuideOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setGuide(await unwrap(api.client.GET('/api/v1/filings/guide')));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  if (failure) return <ErrorBlock status="default" title="加载失败" description={failure} />;
  if (!guide) return <FilingLoading />;
  const next = guide.steps.find((s) => s.recommended);
  return (
    <>
      <section className="mfil__card" data-testid="m-filings-summary">
        <div style={{ display: 'flex', gap: 14, alignItems: 'center' }}>
          <ProgressCircle percent={Math.round((guide.done / Math.max(guide.total, 1)) * 100)} style={{ '--size': '64px', '--track-width': '5px' }}>
            {guide.done}/{guide.total}
          </ProgressCircle>
          <div style={{ flex: 1 }}>
            <div className="mfil__title">{next ? `下一步：${next.label}` : '全部申报已办结'}</div>
            <div className="mfil__sub">{guide.next_reason}</div>
          </div>
        </div>
        {next && (
          <Button block color="primary" shape="rounded" style={{ marginTop: 12 }} onClick={() => navigate(next.route)}>
            {next.status === 'action' ? '继续办理' : '去办理'}
          </Button>
        )}
      </section>
      {guide.steps.map((step, index) => (
        <button
          type="button"
          key={step.key}
          className={`mfil__step${step.recommended ? ' mfil__step--next' : ''}${step.status === 'done' ? ' mfil__step--done' : ''}`}
          style={{ width: 'calc(100% - 24px)', textAlign: 'left', font: 'inherit' }}
          onClick={() => navigate(step.route)}
          data-testid={`m-path-${step.key}`}
        >
          <div className="mfil__index">{step.status === 'done' ? <CheckOutlined /> : index + 1}</div>
          <div className="mfil__body">
            <div className="mfil__title">
              <span>{step.label}</span>
              <Tag color={COLORS[step.status]} fill="outline">
                {step.status === 'waiting' ? step.state_label : step.status_label}
              </Tag>
            </div>
            <div className="mfil__why">{step.why_export}</div>
            {step.results.map((r) => (
              <div key={r.name} className="mfil__result">
                {r.label}：{r.value}
              </div>
            ))}
            <div className="mfil__tags">
              {step.recommended && <Tag color="#7c3aed">推荐下一步</Tag>}
              {step.optional && <Tag>可选</Tag>}
              <Tag fill="outline">用时：{step.duration}</Tag>
            </div>
            {step.status === 'blocked' && (
              <div className="mfil__note">建议先办结：{step.requires.filter((r) => !r.done).map((r) => r.label).join('、')}</div>
            )}
          </div>
        </button>
      ))}
    </>
  );
}
