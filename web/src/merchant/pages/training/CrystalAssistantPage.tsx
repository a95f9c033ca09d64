/**
 * 水晶申报助手 (A2, `/training/crystal`): a few questions (natural or synthetic, worked or rough, set in
 * precious metal …) → the suggested 申报品名, HS candidates with their 申报要素, the documents to prepare,
 * and the special document templates (pre-filled from the profile and the answer).
 */
import { DownloadOutlined, FileExcelOutlined, FileWordOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Radio, Result, Row, Skeleton, Space, Spin, Table, Tag, Typography } from 'antd';
import { useLocation } from 'react-router-dom';
import type { Advice } from '@/shared/crystal/crystal';
import { useAssistant, type Template } from '@/shared/crystal/useAssistant';
import { PageHeading } from '@/shared/components/PageHeading';
import { errorMessage } from '@/shared/errors';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';

function Candidates({ advice }: { advice: Advice }) {
  if (!advice.candidates.length) {
    return <Alert type="warning" showIcon message="平台资料未给出这类商品的编码" description={advice.broker_points.join('；')} />;
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {advice.candidates.map((c) => (
        <Card key={c.code} size="small" className="jmt-crystal-candidate" data-testid="crystal-candidate">
          <Space size={8} wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong style={{ fontSize: 18 }} copyable={{ text: c.code }}>
              {c.code}
            </Typography.Text>
            <span>{c.title}</span>
            {c.needs_broker ? (
              <Tag color="orange" icon={<WarningOutlined />}>
                请报关行确认
              </Tag>
            ) : (
              <Tag color="green">资料明确</Tag>
            )}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
            { key: 'rate', label: '出口退税率', children: c.refund_rate || '—' },
            { key: 'unit', label: '法定计量单位', children: c.unit || '—' },
            { key: 'count', label: '申报要素', children: c.elements.length ? `${c.elements.length} 项` : '未收录' },
          ]} />
          {c.note ? <Typography.Paragraph type="warning" style={{ margin: '4px 0 8px' }}>{c.note}</Typography.Paragraph> : null}
          {c.elements.length ? (
            <>
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={c.elements.map((e, i) => ({ ...e, n: i + 1 }))}
                columns={[
                  { title: '序号', dataIndex: 'n', width: 60 },
                  { title: '申报要素', dataIndex: 'name', width: 140 },
                  { title: '填写示例（按实际修改）', dataIndex: 'example' },
                ]}
              />
              <div style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">规格型号示例：</Typography.Text>
                <Typography.Text copyable code>
                  {c.gmodel_example}
                </Typography.Text>
              </div>
            </>
          ) : (
            <Typography.Text type="secondary">{c.elements_note}</Typography.Text>
          )}
        </Card>
      ))}
    </Space>
  );
}

export default function CrystalAssistantPage() {
  const { me, access } = useMe();
  const { message } = App.useApp();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  const a = useAssistant(Boolean(gate?.ok));
  if (!gate || !gate.ok) return <CatalogPage />;

  const download = async (template: Template) => {
    try {
      message.success(`已下载「${await a.download(template)}」`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="crystal-assistant">
      <PageHeading subtitle="回答几个问题，得到建议的申报品名、HS 编码与申报要素；编码与要素请在申报前交报关行核对" />
      {a.error ? (
        <Alert type="error" showIcon message="加载失败" description={a.error} action={<Button size="small" icon={<ReloadOutlined />} onClick={() => void a.retry()}>重试</Button>} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card variant="borderless" className="jmt-card" title="商品情况" extra={<Button type="link" onClick={a.reset} disabled={!Object.keys(a.answers).length}>重新回答</Button>}>
            {!a.questions && !a.error ? <Skeleton active /> : null}
            <Space direction="vertical" size={18} style={{ width: '100%' }}>
              {a.visible.map((q, i) => (
                <div key={`${q.key}-${q.title}`} data-testid={`crystal-q-${q.key}`}>
                  <Typography.Text strong>
                    {i + 1}. {q.title}
                  </Typography.Text>
                  <Radio.Group value={a.answers[q.key]} onChange={(e) => a.answer(q.key, e.target.value as string)} style={{ display: 'block', marginTop: 8 }}>
                    <Space direction="vertical" size={6}>
                      {q.options.map((o) => (
                        <Radio key={o.value} value={o.value}>
                          {o.label}
                        </Radio>
                      ))}
                    </Space>
                  </Radio.Group>
                </div>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card variant="borderless" className="jmt-card" title="申报建议">
            <Spin spinning={a.loading}>
              {!a.advice ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="回答左侧全部问题后，这里给出申报品名、HS 编码与申报要素" />
              ) : (
                <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="crystal-advice">
                  <div>
                    <Typography.Text type="secondary">建议申报品名</Typography.Text>
                    <Typography.Title level={4} style={{ margin: '4px 0 0' }} copyable data-testid="crystal-declared-name">
                      {a.advice.declared_name}
                    </Typography.Title>
                  </div>
                  <Candidates advice={a.advice} />
                  {a.advice.broker_points.length && a.advice.candidates.length ? (
                    <Alert type="warning" showIcon message="须报关行确认" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{a.advice.broker_points.map((p) => <li key={p}>{p}</li>)}</ul>} />
                  ) : null}
                  <div>
                    <Typography.Text strong>需要准备的单证</Typography.Text>
                    <List
                      size="small"
                      dataSource={a.advice.documents}
                      renderItem={(d) => {
                        const template = a.templates.find((t) => t.key === d.template);
                        return (
                          <List.Item actions={template ? [<Button key="dl" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(template)}>下载模板</Button>] : []}>
                            <List.Item.Meta title={d.name} description={d.reason} />
                          </List.Item>
                        );
                      }}
                    />
                  </div>
                  <Alert type="info" showIcon message="注意事项" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{a.advice.notes.map((n) => <li key={n}>{n}</li>)}</ul>} />
                </Space>
              )}
            </Spin>
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" className="jmt-card" title="特殊单证模板" extra={<Typography.Text type="secondary">按企业资料预填{a.ready ? '，并填入上方的申报建议' : ''}</Typography.Text>}>
        {a.templates.length ? (
          <Row gutter={[16, 16]}>
            {a.templates.map((t) => (
              <Col key={t.key} xs={24} sm={12} xl={6}>
                <Card size="small" hoverable onClick={() => void download(t)} data-testid={`crystal-template-${t.key}`}>
                  <Space align="start">
                    {t.format === 'xlsx' ? <FileExcelOutlined style={{ fontSize: 28, color: '#16a34a' }} /> : <FileWordOutlined style={{ fontSize: 28, color: '#2563eb' }} />}
                    <div>
                      <Typography.Text strong>{t.title}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t.description}
                        </Typography.Text>
                      </div>
                    </div>
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        ) : a.error ? (
          <Result status="warning" title="模板列表加载失败" />
        ) : (
          <Skeleton active paragraph={{ rows: 1 }} />
        )}
      </Card>
    </Space>
  );
}
