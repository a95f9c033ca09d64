/**
 * 电子订单报送 (C2): ① 下载模板 ② 上传文件 ③ 校验预览 ④ 申报.
 * The import being worked on is kept in the address (`?import=<id>`), so a reload or a shared link
 * reopens its validation report.
 */
import { Alert, Breadcrumb, Card, Space, Steps, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import { EDIT_PERMISSION } from './constants';
import { DeclareStep } from './DeclareStep';
import { batchIdFrom } from './orders/batchFilter';
import { OrdersStatus } from './orders/OrdersStatus';
import type { ImportReport } from './importGrid';
import { PreviewStep } from './PreviewStep';
import { ReportLoadError, ReportLoading } from './ReportState';
import { TemplateStep } from './TemplateStep';
import { UploadStep } from './UploadStep';
import './customs.css';

export default function CustomsOrdersPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  const canEdit = access.can(EDIT_PERMISSION);

  const [params, setParams] = useSearchParams();
  const importId = Number(params.get('import')) || null;
  // A link to one batch's orders (`?batch_id=`) opens 订单状态 even without `tab=status`.
  const tab = params.get('tab') === 'status' || (!importId && batchIdFrom(params) !== undefined) ? 'status' : 'import';
  const [report, setReport] = useState<ImportReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState(0);

  const load = useCallback(
    async (id: number) => {
      setLoading(true);
      setError(null);
      try {
        const data = await unwrap(api.client.GET('/api/v1/customs/orders/imports/{import_id}', { params: { path: { import_id: id } } }));
        setReport(data);
        setStep(data.status === 'declared' ? 3 : 2);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    if (importId && importId !== report?.id) void load(importId);
    if (!importId) setReport(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [importId, load]);

  const onUploaded = (data: ImportReport) => {
    setReport(data);
    setStep(2);
    setParams({ import: String(data.id) });
  };

  const startOver = () => {
    setReport(null);
    setError(null);
    setParams({});
    setStep(1);
  };

  if (!gate || !gate.ok) return <CatalogPage />;

  const title = gate.item?.title ?? '电子订单报送';
  const steps = [
    { title: '下载模板', description: '按模板填写订单' },
    { title: '上传文件', description: '.xlsx 工作簿' },
    { title: '校验预览', description: '逐行检查，标红有误' },
    { title: '申报', description: '申报全部有效行' },
  ];

  let body;
  if (importId && loading && !report) body = <ReportLoading />;
  else if (importId && error && !report) body = <ReportLoadError message={error} onRetry={() => void load(importId)} onStartOver={startOver} />;
  else if (step === 0) body = <TemplateStep onNext={() => setStep(1)} />;
  else if (step === 1 || !report) body = <UploadStep canEdit={canEdit} onUploaded={onUploaded} />;
  else if (step === 2)
    body = <PreviewStep report={report} canEdit={canEdit} onReupload={startOver} onNext={() => setStep(3)} onChanged={setReport} />;
  else body = <DeclareStep report={report} canEdit={canEdit} onBack={() => setStep(2)} onDeclared={() => void load(report.id)} onStartOver={startOver} />;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to={gate.module.route}>{gate.module.title}</Link> }, { title }]}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card variant="borderless" className="jmt-card">
          <Space direction="vertical" size={20} style={{ width: '100%' }}>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {title}
              </Typography.Title>
              <Typography.Text type="secondary">
                用 Excel 批量导入 9610 出口电子订单：系统逐行校验，标出每个有误的单元格，可直接在表格中改正，校验通过的订单一键申报（同时生成物流运单和申报清单）；申报后在「订单状态」中跟踪每个订单到放行、结关。
              </Typography.Text>
            </div>
            <Tabs
              activeKey={tab}
              onChange={(key) => setParams(key === 'status' ? { tab: 'status' } : report ? { import: String(report.id) } : {})}
              items={[
                { key: 'import', label: '导入申报' },
                { key: 'status', label: '订单状态' },
              ]}
              style={{ marginBottom: -20 }}
            />
            {canEdit || tab === 'status' ? null : (
              <Alert
                type="info"
                showIcon
                message="您是只读成员：可以下载模板、查看校验结果和下载标注错误的文件；上传和申报需由商户管理员操作。"
                data-testid="read-only-notice"
              />
            )}
            {tab === 'status' ? null : (
            <Steps
              className="jmt-c2-steps"
              current={step}
              onChange={(next) => {
                if (next <= 1 || report) setStep(next);
              }}
              items={steps.map((s, i) => ({ ...s, disabled: i >= 2 && !report }))}
            />
            )}
          </Space>
        </Card>
        {tab === 'status' ? <OrdersStatus /> : body}
      </Space>
    </>
  );
}
