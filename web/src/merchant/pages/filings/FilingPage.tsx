/**
 * One filing type's page (D2–D6, and any later type): what it is for and how it goes, the material
 * templates, then the merchant's filing — the pre-filled form while it is theirs to fill, 信息回看 of
 * exactly what was submitted, and the progress with its timeline. The type is data from the API.
 */
import { DownloadOutlined, FileAddOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Result, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams, useLocation } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import {
  downloadTemplate,
  TEMPLATE_FORMAT_LABELS,
  type FilingOut,
  type FilingTemplateOut,
  type FilingTypePageOut,
} from '@/shared/filings';
import { PageHeading } from '@/shared/components/PageHeading';
import { RateCard } from '@/shared/components/RateCard';
import { FilingProgressCard, FilingTimeline } from '@/shared/components/filings/FilingProgress';
import { FilingReadback } from '@/shared/components/filings/FilingReadback';
import { formatTime } from '@/shared/registration';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import { FilingForm } from './FilingForm';
import './filings.css';

export default function FilingPage() {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  return <FilingPageBody />;
}

function FilingPageBody() {
  const { typeKey = '' } = useParams();
  const { api } = useMe();
  const { message } = App.useApp();
  const [page, setPage] = useState<FilingTypePageOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<string>('form');

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setPage(await unwrap(api.client.GET('/api/v1/filings/types/{type_key}', { params: { path: { type_key: typeKey } } })));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, typeKey]);

  useEffect(() => {
    setPage(null);
    void load();
  }, [load]);

  if (failure) return <Alert type="error" showIcon message="加载失败" description={failure} action={<Button onClick={load}>重试</Button>} />;
  if (!page) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;

  const { type, filing } = page;
  const setFiling = (next: FilingOut) => setPage({ ...page, filing: next });

  const start = async () => {
    setBusy(true);
    try {
      const created = await unwrap(api.client.POST('/api/v1/filings/filings', { body: { type: type.key } }));
      message.success('已按企业资料和我的资料预填，请核对并补齐');
      setFiling(created);
      setTab('form');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const restart = async () => {
    if (!filing) return;
    setBusy(true);
    try {
      await unwrap(
        api.client.POST('/api/v1/workflow/{type}/{obj_id}/transitions', {
          params: { path: { type: filing.workflow_type, obj_id: filing.id } },
          body: { to: 'filling', comment: '' },
        }),
      );
      await load();
      setTab('form');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async (template: FilingTemplateOut) => {
    try {
      await downloadTemplate(api, type.key, template);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const guideCard = (
    <Card title="办理说明" size="small" data-testid="filing-guide">
      <Space direction="vertical" size={10} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{type.purpose}</Typography.Paragraph>
        <Alert type="info" showIcon message="为什么出口需要它" description={type.why_export} />
        <div>
          <Typography.Text type="secondary">办理机关：</Typography.Text>
          <Typography.Text>{type.authority}</Typography.Text>
        </div>
        <div>
          <Typography.Text type="secondary">通常用时：</Typography.Text>
          <Typography.Text>{type.duration}</Typography.Text>
        </div>
        {type.optional && <Alert type="warning" showIcon message="可选办理" description={type.optional_note} />}
        <div>
          <Typography.Text strong>办理流程</Typography.Text>
          <ol className="filing-steps">
            {type.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
        {type.templates.length > 0 && (
          <div>
            <Typography.Text strong>材料模板</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
              已按您的填写内容预填，下载核对后签字盖章，扫描上传到对应的材料项。
            </Typography.Paragraph>
            <Space direction="vertical" size={6}>
              {type.templates.map((t) => (
                <Button key={t.key} icon={<DownloadOutlined />} onClick={() => download(t)}>
                  {t.title} · {TEMPLATE_FORMAT_LABELS[t.format]}
                </Button>
              ))}
            </Space>
          </div>
        )}
      </Space>
    </Card>
  );

  let main;
  if (!filing) {
    main = (
      <Card>
        <Result
          icon={<FileAddOutlined style={{ color: '#7c3aed' }} />}
          title={`尚未办理${type.label}`}
          subTitle="开始办理后，企业名称、信用代码、法人与联系人信息以及营业执照、身份证等材料会自动带入，您只需核对并补齐。"
          extra={
            page.can_edit ? (
              <Button type="primary" size="large" loading={busy} onClick={start}>
                开始办理
              </Button>
            ) : (
              <Typography.Text type="secondary">您是只读成员，请联系商户管理员办理</Typography.Text>
            )
          }
        />
      </Card>
    );
  } else {
    const hasSubmitted = Object.keys(filing.submitted_data).length > 0;
    const items = [
      ...(filing.editable
        ? [{ key: 'form', label: filing.state === 'returned' ? '按意见修改' : '填写材料', children: <FilingForm type={type} filing={filing} onChanged={setFiling} /> }]
        : []),
      {
        key: 'readback',
        label: '信息回看',
        children: hasSubmitted ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">以下是 {formatTime(filing.submitted_at)} 提交的内容（只读）。</Typography.Text>
            <FilingReadback
              type={type}
              values={filing.submitted_data}
              documents={filing.documents}
              changeRequests={filing.change_requests}
            />
          </Space>
        ) : (
          <Empty description="提交后可在这里回看提交的全部内容" />
        ),
      },
      { key: 'timeline', label: '办理记录', children: <Card size="small"><FilingTimeline progress={filing.progress} /></Card> },
    ];
    const active = items.some((i) => i.key === tab) ? tab : items[0].key;
    main = (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <FilingProgressCard
          filing={filing}
          action={
            filing.state === 'declined' && page.can_edit ? (
              <Button icon={<RedoOutlined />} loading={busy} onClick={restart}>
                重新办理
              </Button>
            ) : undefined
          }
        />
        {filing.state === 'completed' ? <RateCard kind="filing" objectId={filing.id} /> : null}
        <Tabs activeKey={active} onChange={setTab} items={items} />
      </Space>
    );
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading
        title={type.label}
        subtitle="每一步的变化都会通过站内消息和微信通知您"
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {main}
        </Col>
        <Col xs={24} xl={8}>
          {guideCard}
        </Col>
      </Row>
    </Space>
  );
}
