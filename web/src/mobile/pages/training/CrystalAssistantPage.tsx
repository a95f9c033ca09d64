/** 水晶申报助手 on the H5: the same questions one under another, then the advice and the templates. */
import { Button, ErrorBlock, List, NoticeBar, Selector, Tag, Toast } from 'antd-mobile';
import type { Advice } from '@/shared/crystal/crystal';
import { useAssistant, type Template } from '@/shared/crystal/useAssistant';
import { errorMessage } from '@/shared/errors';
import { MobileCustomsShell, MobileLoading } from '../customs/MobileCustomsShell';
import './crystal-assistant.css';

function Candidate({ c }: { c: Advice['candidates'][number] }) {
  return (
    <div className="m-crystal__card" data-testid="m-crystal-candidate">
      <div className="m-crystal__code">
        <b>{c.code}</b>
        {c.needs_broker ? <Tag color="warning">请报关行确认</Tag> : <Tag color="success">资料明确</Tag>}
      </div>
      <div className="m-crystal__muted">{c.title}</div>
      <div className="m-crystal__muted">
        退税率 {c.refund_rate || '—'} · 单位 {c.unit || '—'}
      </div>
      {c.note ? <div className="m-crystal__warn">{c.note}</div> : null}
      {c.elements.length ? (
        <>
          <div className="m-crystal__subtitle">申报要素（{c.elements.length} 项）</div>
          <div className="m-crystal__elements">
            {c.elements.map((e, i) => (
              <div key={e.name}>
                <span>
                  {i + 1}. {e.name}
                </span>
                <span>{e.example}</span>
              </div>
            ))}
          </div>
          <div className="m-crystal__subtitle">规格型号示例</div>
          <div className="m-crystal__gmodel">{c.gmodel_example}</div>
        </>
      ) : (
        <div className="m-crystal__muted">{c.elements_note}</div>
      )}
    </div>
  );
}

export default function CrystalAssistantPage() {
  const a = useAssistant(true);
  const download = async (template: Template) => {
    try {
      Toast.show({ icon: 'success', content: `已下载「${await a.download(template)}」` });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };
  return (
    <MobileCustomsShell fallbackTitle="水晶申报助手">
      <NoticeBar wrap color="info" content="回答几个问题，得到建议的申报品名、HS 编码与申报要素；申报前请交报关行核对。" />
      {a.error ? <ErrorBlock status="default" title="加载失败" description={a.error} /> : null}
      {!a.questions && !a.error ? <MobileLoading /> : null}
      {a.visible.map((q, i) => (
        <div key={`${q.key}-${q.title}`} className="m-crystal__question" data-testid={`m-crystal-q-${q.key}`}>
          <div className="m-crystal__qtitle">
            {i + 1}. {q.title}
          </div>
          <Selector
            columns={1}
            options={q.options}
            value={a.answers[q.key] ? [a.answers[q.key]] : []}
            onChange={(values) => values[0] && a.answer(q.key, values[0])}
          />
        </div>
      ))}
      {a.advice ? (
        <div data-testid="m-crystal-advice">
          <div className="m-crystal__card">
            <div className="m-crystal__muted">建议申报品名</div>
            <div className="m-crystal__name" data-testid="m-crystal-declared-name">
              {a.advice.declared_name}
            </div>
          </div>
          {a.advice.candidates.map((c) => (
            <Candidate key={c.code} c={c} />
          ))}
          {a.advice.broker_points.length ? (
            <div className="m-crystal__card m-crystal__card--warn">
              <div className="m-crystal__subtitle">须报关行确认</div>
              {a.advice.broker_points.map((p) => (
                <div key={p}>· {p}</div>
              ))}
            </div>
          ) : null}
          <List header="需要准备的单证" className="m-crystal__list">
            {a.advice.documents.map((d) => {
              const template = a.templates.find((t) => t.key === d.template);
              return (
                <List.Item key={d.name} description={d.reason} extra={template ? <a onClick={() => void download(template)}>下载模板</a> : null}>
                  {d.name}
                </List.Item>
              );
            })}
          </List>
          <div className="m-crystal__card">
            <div className="m-crystal__subtitle">注意事项</div>
            {a.advice.notes.map((n) => (
              <div key={n} className="m-crystal__muted">
                · {n}
              </div>
            ))}
          </div>
          <div style={{ padding: '0 12px 16px' }}>
            <Button block shape="rounded" onClick={a.reset}>
              重新回答
            </Button>
          </div>
        </div>
      ) : a.questions ? (
        <div className="m-crystal__hint">回答全部问题后给出申报建议</div>
      ) : null}
      {a.templates.length ? (
        <List header="特殊单证模板（按企业资料预填）" className="m-crystal__list">
          {a.templates.map((t) => (
            <List.Item key={t.key} description={t.description} extra={t.format === 'xlsx' ? '表格' : '文书'} onClick={() => void download(t)} data-testid={`m-crystal-template-${t.key}`}>
              {t.title}
            </List.Item>
          ))}
        </List>
      ) : null}
    </MobileCustomsShell>
  );
}
