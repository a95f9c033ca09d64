/** 新建批次 / 修改批次 on the H5: the few choices a person makes; codes come pre-filled from the 点点通
 * configuration. A batch with documents (or submitted) keeps its declaration: only its name changes. */
import { Button, Dialog, Form, Input, NoticeBar, Popup, Selector, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { SIMPLIFIED_WARNING, type BatchDefaults, type BatchOut } from '@/merchant/pages/customs/batches/batches';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';

type Values = Record<string, string>;
type Picked = Record<string, string | string[]>;

export function MobileBatchForm({
  open,
  batch = null,
  onClose,
  onSaved,
}: {
  open: boolean;
  batch?: BatchOut | null; // null: a new batch
  onClose: () => void;
  onSaved: (batch: BatchOut) => void;
}) {
  const { api } = useMe();
  const [form] = Form.useForm<Values>();
  const [defaults, setDefaults] = useState<BatchDefaults | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [flag, setFlag] = useState('B');
  const locked = batch?.locked ?? false;

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    unwrap(api.client.GET('/api/v1/customs/batches/defaults'))
      .then((data) => {
        setDefaults(data);
        form.resetFields();
        const values = (batch ?? data.values) as unknown as Values;
        const initialFlag = String(values.statistics_flag || 'B');
        form.setFieldsValue({ ...values, name: batch ? batch.name : '', statistics_flag: [initialFlag], traf_mode: [String(values.traf_mode || '5')] } as never);
        setFlag(initialFlag);
      })
      .catch((e) => setFailure(errorMessage(e)));
  }, [open, batch, api, form]);

  const save = async () => {
    const picked = (await form.validateFields()) as unknown as Picked;
    const values: Values = batch ? {} : { ...((defaults?.values ?? {}) as Values) };
    for (const [key, value] of Object.entries(picked)) values[key] = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
    if (locked) for (const key of Object.keys(values)) if (key !== 'name') delete values[key];
    if (values.statistics_flag === 'A' && batch?.statistics_flag !== 'A') {
      const ok = await Dialog.confirm({ content: `${SIMPLIFIED_WARNING}。确定使用简化申报（A）？`, confirmText: '确定', cancelText: '改为汇总申报' });
      if (!ok) return;
    }
    setSaving(true);
    try {
      const saved = batch
        ? await unwrap(api.client.PATCH('/api/v1/customs/batches/{batch_id}', { params: { path: { batch_id: batch.id } }, body: values as never }))
        : await unwrap(api.client.POST('/api/v1/customs/batches', { body: values as never }));
      Toast.show({ icon: 'success', content: batch ? '批次已保存' : `已新建批次「${saved.name}」` });
      onSaved(saved);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Popup visible={open} onMaskClick={onClose} position="bottom" bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16, maxHeight: '88vh', overflowY: 'auto' }}>
      <div style={{ padding: '16px 16px 0', fontSize: 17, fontWeight: 600 }}>{batch ? '修改批次' : '新建批次'}</div>
      {failure ? <NoticeBar color="alert" wrap content={failure} /> : null}
      {defaults && !defaults.gateway.ready ? <NoticeBar color="alert" wrap content={`点点通接口未就绪：${defaults.gateway.message}`} /> : null}
      {locked ? <NoticeBar color="info" wrap content="批次已有申报单证，申报信息已锁定，只能修改批次名称。" data-testid="m-batch-locked" /> : null}
      {defaults ? (
        <Form
          form={form}
          layout="vertical"
          data-testid="m-batch-form"
          footer={
            <div style={{ display: 'flex', gap: 12 }}>
              <Button block onClick={onClose}>
                取消
              </Button>
              <Button block color="primary" loading={saving} onClick={() => void save()} data-testid="m-batch-save">
                保存
              </Button>
            </div>
          }
        >
          <Form.Item name="name" label="批次名称" rules={[{ required: true, message: '请填写批次名称' }]}>
            <Input placeholder="如：2026年3月 第1批" maxLength={100} clearable data-testid="m-batch-name" />
          </Form.Item>
          <Form.Item name="statistics_flag" label="申报业务类型" rules={[{ required: true, message: '请选择申报业务类型' }]}>
            <Selector
              disabled={locked}
              columns={1}
              options={defaults.statistics_flags.map((o) => ({ value: o.value, label: o.label }))}
              onChange={(v) => setFlag(v[0] ?? '')}
            />
          </Form.Item>
          {flag === 'A' ? <NoticeBar color="alert" wrap content={SIMPLIFIED_WARNING} data-testid="m-flag-a-warning" /> : null}
          <Form.Item name="traf_mode" label="运输方式" rules={[{ required: true, message: '请选择运输方式' }]}>
            <Selector disabled={locked} columns={3} options={defaults.traf_modes.map((o) => ({ value: o.value, label: o.label }))} />
          </Form.Item>
          <Form.Item name="customs_code" label="申报地海关代码" rules={[{ required: true, message: '请填写申报地海关代码' }]}>
            <Input disabled={locked} placeholder="4 位数字，如 2305" inputMode="numeric" />
          </Form.Item>
          <Form.Item name="port_code" label="出口口岸代码" rules={[{ required: true, message: '请填写出口口岸代码' }]}>
            <Input disabled={locked} placeholder="4 位代码，如 2305" />
          </Form.Item>
          <Form.Item name="traf_name" label="运输工具名称（可稍后补充）">
            <Input disabled={locked} placeholder="如航班号 CA1234" />
          </Form.Item>
          {batch ? (
            <>
              <Form.Item name="voyage_no" label="航班航次号（可稍后补充）">
                <Input disabled={locked} placeholder="如 20260320" maxLength={32} />
              </Form.Item>
              <Form.Item name="bill_no" label="提运单号（可稍后补充）">
                <Input disabled={locked} placeholder="如 999-12345678" maxLength={37} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      ) : null}
    </Popup>
  );
}
