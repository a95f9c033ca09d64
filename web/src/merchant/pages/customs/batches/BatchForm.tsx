/** 新建批次 / 修改批次 drawer: pre-filled from the 点点通 configuration and the merchant profile. */
import { ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Col, Drawer, Form, Input, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { PREFILLED_FIELDS, SIMPLIFIED_WARNING, type BatchDefaults, type BatchOut } from './batches';

interface Props {
  open: boolean;
  batch: BatchOut | null; // null: a new batch
  onClose: () => void;
  onSaved: (batch: BatchOut) => void;
}

type Values = Record<string, string>;

export function BatchForm({ open, batch, onClose, onSaved }: Props) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [defaults, setDefaults] = useState<BatchDefaults | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const flag = Form.useWatch('statistics_flag', form);
  const locked = batch?.locked ?? false;

  useEffect(() => {
    if (!open) return;
    setLoadError(null);
    unwrap(api.client.GET('/api/v1/customs/batches/defaults'))
      .then((data) => {
        setDefaults(data);
        form.resetFields();
        if (batch) form.setFieldsValue(batch as unknown as Values);
        else form.setFieldsValue({ ...data.values, name: '' });
      })
      .catch((e) => setLoadError(errorMessage(e)));
  }, [open, batch, api, form]);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const saved = batch
        ? await unwrap(api.client.PATCH('/api/v1/customs/batches/{batch_id}', { params: { path: { batch_id: batch.id } }, body: values }))
        : await unwrap(api.client.POST('/api/v1/customs/batches', { body: values as never }));
      message.success(batch ? '批次已保存' : `已新建批次「${saved.name}」`);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e));
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: string, label: string, extra?: { required?: boolean; placeholder?: string }) => (
    <Col span={12} key={name}>
      <Form.Item name={name} label={label} rules={extra?.required ? [{ required: true, message: `请填写${label}` }] : undefined}>
        <Input placeholder={extra?.placeholder} disabled={locked} allowClear />
      </Form.Item>
    </Col>
  );

  return (
    <Drawer
      title={batch ? `修改批次：${batch.name}` : '新建批次'}
      width={720}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="batch-save">
            保存
          </Button>
        </Space>
      }
    >
      {loadError ? <Alert type="error" showIcon message="加载预填信息失败" description={loadError} /> : null}
      {!defaults && !loadError ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {defaults ? (
        <Form form={form} layout="vertical" requiredMark="optional" data-testid="batch-form">
          {defaults.gateway.ready ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="企业代码、海关与口岸代码、DXP ID 已按点点通接口配置与商户资料预填，一般无需修改。"
            />
          ) : (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="点点通接口未就绪" description={defaults.gateway.message} />
          )}
          {locked ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="批次已有申报单证，申报信息已锁定，只能修改批次名称。" /> : null}
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="name" label="批次名称" rules={[{ required: true, message: '请填写批次名称' }]}>
                <Input placeholder="如：2026年3月 第1批" maxLength={100} showCount data-testid="batch-name" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="statistics_flag" label="申报业务类型" rules={[{ required: true, message: '请选择申报业务类型' }]}>
                <Select
                  disabled={locked}
                  data-testid="batch-flag"
                  options={defaults.statistics_flags.map((o) => ({ value: o.value, label: o.label }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="traf_mode" label="运输方式" rules={[{ required: true, message: '请选择运输方式' }]}>
                <Select disabled={locked} options={defaults.traf_modes.map((o) => ({ value: o.value, label: o.label }))} />
              </Form.Item>
            </Col>
            {flag === 'A' ? (
              <Col span={24}>
                <Alert
                  type="error"
                  showIcon
                  icon={<ExclamationCircleFilled />}
                  style={{ marginBottom: 16 }}
                  data-testid="flag-a-warning"
                  message={`${SIMPLIFIED_WARNING}`}
                  description="选择 A 后，本批次清单不进入汇总申报，无法取得报关单号，也就不能申请出口退税。需要退税请选择 B 汇总申报。"
                />
              </Col>
            ) : null}
            {field('customs_code', '申报地海关代码', { required: true, placeholder: '4 位数字，如 2305' })}
            {field('port_code', '出口口岸代码', { required: true, placeholder: '4 位代码，如 2305' })}
            {field('traf_name', '运输工具名称', { placeholder: '如航班号 CA1234（可稍后补充）' })}
            {field('voyage_no', '航班航次号')}
            {field('bill_no', '提运单号')}
            {field('loct_no', '监管场所代码')}
            <Col span={12}>
              <Form.Item name="pod" label="指运港" extra="不选则每票清单按目的国的默认主港申报">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  disabled={locked}
                  placeholder="按目的国默认主港"
                  data-testid="batch-pod"
                  options={defaults.ports.map((o) => ({ value: o.value, label: o.label }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            企业与传输信息
          </Typography.Title>
          <Row gutter={16}>{PREFILLED_FIELDS.map((f) => field(f.name, f.label, { required: true }))}</Row>
        </Form>
      ) : null}
    </Drawer>
  );
}
