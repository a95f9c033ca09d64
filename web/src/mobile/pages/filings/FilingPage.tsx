/**
 * One filing type on the phone (D2–D6 and any later type): progress and timeline, the pre-filled form
 * (photos or 我的资料 for documents, change requests on their fields), 信息回看 and how it goes.
 */
import { Button, Collapse, Dialog, ErrorBlock, Form, Input, List, NoticeBar, Selector, Steps, Tabs, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import {
  displayValue,
  downloadTemplate,
  TEMPLATE_FORMAT_LABELS,
  type FilingFieldSpecOut,
  type FilingOut,
  type FilingTemplateOut,
  type FilingTypePageOut,
  type FilingValues,
} from '@/shared/filings';
import { formatTime, type DocumentKind } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { MobileRateCard } from '../../components/MobileRateCard';
import { DocField } from '../registration/DocField';
import { FilingLoading, FilingShell } from './FilingShell';

const STATE_COLORS: Record<string, string> = {
  filling: 'default',
  returned: 'warning',
  declined: 'danger',
  reviewing: 'primary',
  handling: 'primary',
  completed: 'success',
};

export default function FilingPage() {
  const { typeKey = '' } = useParams();
  const { api } = useMe();
  const [page, setPage] = useState<FilingTypePageOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setPage(await unwrap(api.client.GET('/api/v1/filings/types/{type_key}', { params: { path: { type_key: typeKey } } })));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, typeKey]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <FilingShell title={page?.type.label ?? '跨境申报'}>
      {failure ? (
        <ErrorBlock status="default" title="加载失败" description={failure} />
      ) : !page ? (
        <FilingLoading />
      ) : (
        <Body page={page} onFiling={(filing) => setPage({ ...page, filing })} reload={load} />
      )}
    </FilingShell>
  );
}

function Body({ page, onFiling, reload }: { page: FilingTypePageOut; onFiling: (f: FilingOut) => void; reload: () => Promise<void> }) {
  const { api } = useMe();
  const { type, filing } = page;
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    try {
      onFiling(await unwrap(api.client.POST('/api/v1/filings/filings', { body: { type: type.key } })));
      Toast.show({ content: '已按企业资料预填，请核对并补齐' });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const restart = async () => {
    if (!filing) return;
    try {
      await unwrap(
        api.client.POST('/api/v1/workflow/{type}/{obj_id}/transitions', {
          params: { path: { type: filing.workflow_type, obj_id: filing.id } },
          body: { to: 'filling', comment: '' },
        }),
      );
      await reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };

  const download = async (template: FilingTemplateOut) => {
    try {
      await downloadTemplate(api, type.key, template);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };

  const about = (
    <Collapse defaultActiveKey={filing ? [] : ['about']}>
      <Collapse.Panel key="about" title="办理说明">
        <div className="mfil__why">{type.purpose}</div>
        <div className="mfil__why">
          <b>为什么出口需要它：</b>
          {type.why_export}
        </div>
        <div className="mfil__sub">
          办理机关：{type.authority}
          <br />
          通常用时：{type.duration}
        </div>
        <ol className="mfil__why" style={{ paddingLeft: 18, margin: '8px 0 0' }}>
          {type.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        {type.templates.length > 0 && (
          <div className="mfil__templates" data-testid="filing-templates">
            <div className="mfil__sub">材料模板已按您的填写内容预填，下载核对后签字盖章，拍照或扫描上传到对应的材料项。</div>
            {type.templates.map((t) => (
              <Button key={t.key} size="small" block fill="outline" color="primary" onClick={() => void download(t)}>
                下载《{t.title}》· {TEMPLATE_FORMAT_LABELS[t.format]}
              </Button>
            ))}
          </div>
        )}
      </Collapse.Panel>
    </Collapse>
  );

  if (!filing) {
    return (
      <>
        <section className="mfil__card">
          <div className="mfil__title">尚未办理{type.label}</div>
          <div className="mfil__sub">开始后，企业信息和营业执照、身份证等材料会自动带入，您只需核对并补齐。</div>
          {page.can_edit ? (
            <Button block color="primary" shape="rounded" loading={busy} style={{ marginTop: 12 }} onClick={start}>
              开始办理
            </Button>
          ) : (
            <div className="mfil__sub">您是只读成员，请联系商户管理员办理。</div>
          )}
        </section>
        <div className="mfil__card" style={{ padding: 0, overflow: 'hidden' }}>
          {about}
        </div>
      </>
    );
  }

  const progress = filing.progress;
  const current = Math.max(0, progress.nodes.findIndex((n) => n.status === 'current'));
  const troubled = filing.state === 'returned' || filing.state === 'declined';
  return (
    <>
      <section className="mfil__card" data-testid="m-filing-progress">
        <div className="mfil__title">
          <span>{type.label}</span>
          <Tag color={STATE_COLORS[filing.state]} fill="outline">
            {filing.state_label}
          </Tag>
        </div>
        <div className="mfil__sub">{filing.submitted_at ? `提交于 ${formatTime(filing.submitted_at)}` : '尚未提交'}</div>
        <Steps direction="vertical" current={progress.terminal ? progress.nodes.length : current} style={{ '--title-font-size': '15px', '--description-font-size': '12px' }}>
          {progress.nodes.map((node) => (
            <Steps.Step
              key={node.key}
              title={node.status === 'current' && node.state_label ? node.state_label : node.label}
              status={node.status === 'done' || (node.status === 'current' && progress.terminal) ? 'finish' : node.status === 'current' ? (troubled ? 'error' : 'process') : 'wait'}
              description={node.status === 'current' && !progress.terminal ? progress.hint : undefined}
            />
          ))}
        </Steps>
        {filing.results.map((r) => (
          <div key={r.name} className="mfil__result">
            {r.label}：<b>{r.value}</b>
          </div>
        ))}
      </section>
      {filing.state === 'returned' && <NoticeBar color="alert" wrap content="捷晶请您修改部分内容，意见已标在对应的填写项上，修改后重新提交。" />}
      {filing.state === 'declined' && (
        <>
          <NoticeBar color="error" wrap content={`驳回原因：${progress.last_comment || '未说明'}`} />
          {page.can_edit && (
            <div className="mfil__actions">
              <Button block shape="rounded" onClick={restart}>
                重新办理
              </Button>
            </div>
          )}
        </>
      )}
      {filing.state === 'completed' ? <MobileRateCard kind="filing" objectId={filing.id} /> : null}
      <Tabs defaultActiveKey={filing.editable ? 'form' : 'progress'}>
        {filing.editable && (
          <Tabs.Tab title={filing.state === 'returned' ? '按意见修改' : '填写材料'} key="form">
            <MobileFilingForm type={type} filing={filing} onChanged={onFiling} />
          </Tabs.Tab>
        )}
        <Tabs.Tab title="信息回看" key="readback">
          {Object.keys(filing.submitted_data).length === 0 ? (
            <div className="mfil__card mfil__sub">提交后可在这里回看提交的全部内容。</div>
          ) : (
            type.sections.map((section) => (
              <List key={section.title} header={section.title} mode="card">
                {section.fields.map((field) => (
                  <List.Item key={field.name} extra={field.type === 'document' ? (filing.submitted_data[field.name] ? '已上传' : '未上传') : displayValue(filing.submitted_data[field.name])}>
                    {field.label}
                  </List.Item>
                ))}
              </List>
            ))
          )}
        </Tabs.Tab>
        <Tabs.Tab title="办理记录" key="progress">
          <List mode="card" data-testid="m-filing-timeline">
            {progress.timeline.map((entry) => (
              <List.Item
                key={entry.id}
                description={
                  <>
                    {entry.comment ? (
                      <div className={entry.to_state === 'returned' || entry.to_state === 'declined' ? 'mfil__note' : 'mfil__sub'}>{entry.comment}</div>
                    ) : null}
                    <div>
                      {formatTime(entry.created_at)} · {entry.actor_side === 'platform' ? '捷晶' : '商户'}
                    </div>
                  </>
                }
              >
                <span style={{ fontSize: 14 }}>{entry.title}</span>
              </List.Item>
            ))}
          </List>
        </Tabs.Tab>
      </Tabs>
      <div className="mfil__card" style={{ padding: 0, overflow: 'hidden' }}>
        {about}
      </div>
    </>
  );
}

function control(field: FilingFieldSpecOut) {
  if (field.type === 'document') return <DocField kind={(field.document_kind || 'other') as DocumentKind} label={field.label} pdf={!field.document_kind} />;
  if (field.type === 'choice') return <Selector columns={field.choices.length > 2 ? 2 : field.choices.length} options={field.choices.map((c) => ({ label: c, value: c }))} />;
  return <Input placeholder={field.help || `请填写${field.label}`} clearable />;
}

function MobileFilingForm({ type, filing, onChanged }: { type: FilingTypePageOut['type']; filing: FilingOut; onChanged: (f: FilingOut) => void }) {
  const { api } = useMe();
  const [form] = Form.useForm<FilingValues>();
  const [busy, setBusy] = useState(false);
  const initial = Object.fromEntries(
    type.sections.flatMap((s) => s.fields).map((f) => [f.name, f.type === 'choice' ? (filing.data[f.name] ? [filing.data[f.name]] : []) : filing.data[f.name]]),
  );

  const values = () => {
    const raw = form.getFieldsValue(true) as FilingValues;
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
  };

  const showErrors = (e: unknown) => {
    if (e instanceof ApiFailure && e.status === 422) {
      const fields = (e.details.fields ?? {}) as Record<string, string>;
      form.setFields(Object.entries(fields).map(([name, message]) => ({ name, errors: [message] })));
    }
    Toast.show({ icon: 'fail', content: errorMessage(e) });
  };

  const submit = async (finalise: boolean) => {
    setBusy(true);
    try {
      let next = await unwrap(
        api.client.PUT('/api/v1/filings/filings/{filing_id}', { params: { path: { filing_id: filing.id } }, body: { values: values() } }),
      );
      if (finalise) {
        const ok = await Dialog.confirm({ content: '确认提交？提交后由捷晶审核，审核期间不能修改。' });
        if (!ok) {
          onChanged(next);
          return;
        }
        next = await unwrap(api.client.POST('/api/v1/filings/filings/{filing_id}/submit', { params: { path: { filing_id: filing.id } } }));
        Toast.show({ icon: 'success', content: '已提交' });
      } else {
        Toast.show({ content: '草稿已保存' });
      }
      onChanged(next);
    } catch (e) {
      showErrors(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} mode="card">
      {type.sections.map((section) => [
        <Form.Header key={`h-${section.title}`}>{section.title}</Form.Header>,
        ...section.fields.map((field) => {
          const comment = filing.change_requests[field.name];
          const origin = filing.origins[field.name];
          return (
            <Form.Item
              key={field.name}
              name={field.name}
              label={
                <span>
                  {field.label}
                  {origin && <span className="mfil__origin">来自{origin}</span>}
                </span>
              }
              required={field.required}
              description={comment ? <span className="mfil__note">修改意见：{comment}</span> : undefined}
            >
              {control(field)}
            </Form.Item>
          );
        }),
      ])}
      <div className="mfil__actions">
        <Button block color="primary" shape="rounded" loading={busy} onClick={() => submit(true)}>
          {filing.state === 'returned' ? '修改完成，重新提交' : '提交审核'}
        </Button>
        <Button block shape="rounded" disabled={busy} onClick={() => submit(false)}>
          保存草稿
        </Button>
      </div>
    </Form>
  );
}
