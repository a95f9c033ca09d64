import { CheckCircleFilled, ExclamationCircleFilled, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, InputNumber, Result, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { READ_ONLY_REASON } from './constants';
import { summariseOrders, type DeclareResult, type ImportReport, type ImportRow, type OrderSummary } from './importGrid';

interface Props {
  report: ImportReport;
  canEdit: boolean;
  onBack: () => void;
  onDeclared: () => void;
  onStartOver: () => void;
}

/** Rows read for the per-order summary (pages of 100); larger imports show the counts only. */
const SUMMARY_MAX_PAGES = 20;

function useOrderSummary(importId: number) {
  const { api } = useMe();
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [partial, setPartial] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const rows: ImportRow[] = [];
      let total = 0;
      for (let page = 1; page <= SUMMARY_MAX_PAGES; page++) {
        const data = await unwrap(
          api.client.GET('/api/v1/customs/orders/imports/{import_id}/rows', { params: { path: { import_id: importId }, query: { page, page_size: 100 } } }),
        );
        rows.push(...data.items);
        total = data.total;
        if (rows.length >= total || data.items.length === 0) break;
      }
      setOrders(summariseOrders(rows));
      setPartial(rows.length < total);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, importId]);

  useEffect(() => {
    void load();
  }, [load]);
  return { orders, partial, loading, error, reload: load };
}

export function DeclareStep({ report, canEdit, onBack, onDeclared, onStartOver }: Props) {
  const { api } = useMe();
  const { modal, message } = App.useApp();
  const [batchId, setBatchId] = useState<number | null>(report.batch_id ?? null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<DeclareResult | null>(null);
  const summary = useOrderSummary(report.id);
  const declared = report.status === 'declared' || result !== null;
  const undeclarable = report.order_count - report.declarable_orders;

  const declare = async () => {
    if (!batchId) return;
    setBusy(true);
    setFailure(null);
    try {
      const data = await unwrap(
        api.client.POST('/api/v1/customs/orders/imports/{import_id}/declare', {
          params: { path: { import_id: report.id } },
          body: { batch_id: batchId, all_or_nothing: allOrNothing },
        }),
      );
      setResult(data);
      message.success(`已申报 ${report.declarable_orders} 个订单`);
      onDeclared();
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 404) setFailure(`未找到编号为 ${batchId} 的申报批次，请核对批次编号`);
      else setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: `确认申报 ${report.declarable_orders} 个订单？`,
      icon: <ExclamationCircleFilled style={{ color: '#4f46e5' }} />,
      content: (
        <Space direction="vertical" size={4}>
          <Typography.Text>
            将为 {report.declarable_orders} 个订单（{report.valid_rows} 个商品行）生成电子订单、物流运单和申报清单，并发送至海关（批次 {batchId}）。
          </Typography.Text>
          {undeclarable > 0 ? <Typography.Text type="warning">另有 {undeclarable} 个订单含有误行，本次不申报。</Typography.Text> : null}
          <Typography.Text type="secondary">申报后不能撤回本次导入，如需撤销请办理撤销申请。</Typography.Text>
        </Space>
      ),
      okText: '确认申报',
      cancelText: '再检查一下',
      onOk: () => declare(),
    });

  const orderTable = (
    <Table<OrderSummary>
      rowKey={(o) => `${o.ebpCode}|${o.orderNo}`}
      size="small"
      loading={summary.loading}
      dataSource={summary.orders ?? []}
      pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 个订单`, hideOnSinglePage: true }}
      columns={[
        { title: '订单编号', dataIndex: 'orderNo', render: (v: string, o) => (o.ebpCode ? <span>{v} <Typography.Text type="secondary">（{o.ebpCode}）</Typography.Text></span> : v) },
        { title: '商品行', dataIndex: 'lines', width: 90 },
        { title: '首行', dataIndex: 'firstRow', width: 80, render: (v: number) => `第 ${v} 行` },
        {
          title: declared ? '申报结果' : '预计',
          key: 'state',
          width: 220,
          render: (_, o) =>
            o.declarable ? (
              <Tag color={declared ? 'success' : 'processing'}>{declared ? '已申报，等待海关回执' : '将申报'}</Tag>
            ) : (
              <Tag color="error">未申报：{o.badLines} 行有误</Tag>
            ),
        },
      ]}
    />
  );

  const orderCard = (
    <Card variant="borderless" className="jmt-card" title="按订单" extra={<Typography.Text type="secondary">全部商品行都通过校验的订单才会申报</Typography.Text>}>
      {summary.error ? (
        <Alert type="error" showIcon message="订单明细加载失败" description={summary.error} action={<Button size="small" onClick={() => void summary.reload()}>重试</Button>} />
      ) : (
        <>
          {summary.partial ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={`文件行数较多，下表只列出前 ${SUMMARY_MAX_PAGES * 100} 行所属的订单；上方数字为全部订单的统计。`}
            />
          ) : null}
          {orderTable}
        </>
      )}
    </Card>
  );

  if (declared) {
    return (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card variant="borderless" className="jmt-card">
          <Result
            status="success"
            title={result ? `已申报 ${report.declarable_orders} 个订单` : '本次导入已申报'}
            subTitle={
              result
                ? `已生成 ${result.messages} 份报文（含订单与运单共 ${result.documents} 份）并排队发送；海关回执到达后状态自动更新，申报清单在订单和运单入库后自动申报。`
                : `校验通过的 ${report.declarable_orders} 个订单已提交申报，海关回执到达后状态自动更新。`
            }
            extra={
              <Space>
                <Button type="primary" onClick={onStartOver} disabled={!canEdit}>
                  继续上传
                </Button>
                <Button onClick={onBack}>查看校验预览</Button>
              </Space>
            }
          />
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8}>
              <div className="jmt-c2-stat">
                <Typography.Text type="secondary">已申报订单</Typography.Text>
                <div style={{ fontSize: 24, fontWeight: 600, color: '#16a34a' }}>{report.declarable_orders}</div>
              </div>
            </Col>
            <Col xs={12} md={8}>
              <div className="jmt-c2-stat">
                <Typography.Text type="secondary">未申报订单（含有误行）</Typography.Text>
                <div style={{ fontSize: 24, fontWeight: 600, color: undeclarable ? '#cf1322' : undefined }}>{undeclarable}</div>
              </div>
            </Col>
            <Col xs={24} md={8}>
              <div className="jmt-c2-stat">
                <Typography.Text type="secondary">排队发送的报文</Typography.Text>
                <div style={{ fontSize: 24, fontWeight: 600 }}>{result ? result.messages : '—'}</div>
              </div>
            </Col>
          </Row>
        </Card>
        {orderCard}
      </Space>
    );
  }

  const button = (
    <Button
      type="primary"
      size="large"
      icon={<SendOutlined />}
      loading={busy}
      disabled={!canEdit || !batchId || report.declarable_orders === 0 || (allOrNothing && report.error_rows > 0)}
      onClick={confirm}
      data-testid="declare-all"
    >
      申报全部有效行
    </Button>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card variant="borderless" className="jmt-card" title="④ 申报" extra={<Button onClick={onBack}>返回校验预览</Button>}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8}>
              <div className="jmt-c2-stat">
                <Typography.Text type="secondary">可申报订单</Typography.Text>
                <div style={{ fontSize: 24, fontWeight: 600, color: '#4f46e5' }}>
                  <CheckCircleFilled style={{ fontSize: 18, marginRight: 6 }} />
                  {report.declarable_orders}
                  <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}> / {report.order_count} 单</Typography.Text>
                </div>
              </div>
            </Col>
            <Col xs={12} md={8}>
              <div className="jmt-c2-stat">
                <Typography.Text type="secondary">有效商品行</Typography.Text>
                <div style={{ fontSize: 24, fontWeight: 600 }}>{report.valid_rows}</div>
              </div>
            </Col>
            <Col xs={24} md={8}>
              <div className="jmt-c2-stat">
                <Typography.Text type="secondary">含有误行、本次不申报的订单</Typography.Text>
                <div style={{ fontSize: 24, fontWeight: 600, color: undeclarable ? '#cf1322' : undefined }}>{undeclarable}</div>
              </div>
            </Col>
          </Row>
          <Form layout="vertical" requiredMark style={{ maxWidth: 560 }}>
            <Form.Item
              label="申报批次编号"
              required
              extra="订单将归入该批次申报（批次中的关区、口岸、运输方式和电商平台会用于报文）。批次管理页面上线前，请填写已建批次的编号。"
            >
              <InputNumber min={1} precision={0} style={{ width: 240 }} placeholder="如 1" value={batchId} onChange={(v) => setBatchId(v ?? null)} disabled={!canEdit} data-testid="batch-id" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Checkbox checked={allOrNothing} onChange={(e) => setAllOrNothing(e.target.checked)} disabled={!canEdit}>
                全部行都改正后才申报（有任何有误行时不申报）
              </Checkbox>
            </Form.Item>
          </Form>
          {allOrNothing && report.error_rows > 0 ? (
            <Alert type="warning" showIcon message={`还有 ${report.error_rows} 行有误：请下载标注错误的文件改正后重新上传，或取消勾选以先申报有效行。`} />
          ) : null}
          {failure ? <Alert type="error" showIcon message="申报未成功" description={failure} closable onClose={() => setFailure(null)} /> : null}
          <div>{canEdit ? button : <Tooltip title={READ_ONLY_REASON}>{button}</Tooltip>}</div>
        </Space>
      </Card>
      {orderCard}
    </Space>
  );
}
