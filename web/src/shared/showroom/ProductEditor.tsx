/**
 * Create or edit a product (a merchant's own, or any merchant's in the back office): name, category
 * (its inherited attributes appear as fields), price in CNY and optional USD, tags, description, and
 * the pictures (uploaded after the first save; the first is the main picture; reorder and delete).
 */
import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space, Spin, TreeSelect, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Api } from '@/shared/api/client';
import { CrystalHintTip } from '@/shared/crystal/CrystalHint';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { inheritedAttributes, treeOptions, type CategoryNode, type Product, type TagOut } from './showroom';

type Mode = 'merchant' | 'admin';
type Values = {
  name: string;
  category_id: number;
  price_cny: number;
  price_usd?: number | null;
  description?: string;
  tag_ids?: number[];
  merchant_id?: number;
  state?: 'listed' | 'unlisted' | 'pending';
  values?: Record<string, string | number | null | undefined>;
};

async function fetchProduct(api: Api, mode: Mode, id: number): Promise<Product> {
  return mode === 'admin'
    ? unwrap(api.client.GET('/api/v1/admin/showroom/products/{product_id}', { params: { path: { product_id: id } } }))
    : unwrap(api.client.GET('/api/v1/showroom/products/{product_id}', { params: { path: { product_id: id } } }));
}

function Pictures({ mode, product, onChange }: { mode: Mode; product: Product; onChange: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const path = { product_id: product.id };
  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) message.success(done);
      onChange();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const options = { params: { path }, body: { file: '' }, bodySerializer: () => form };
    return run(
      () => unwrap(mode === 'admin' ? api.client.POST('/api/v1/admin/showroom/products/{product_id}/images', options) : api.client.POST('/api/v1/showroom/mine/{product_id}/images', options)),
      `「${file.name}」已上传`,
    );
  };
  const remove = (imageId: number) =>
    run(() =>
      unwrap(
        mode === 'admin'
          ? api.client.DELETE('/api/v1/admin/showroom/products/{product_id}/images/{image_id}', { params: { path: { ...path, image_id: imageId } } })
          : api.client.DELETE('/api/v1/showroom/mine/{product_id}/images/{image_id}', { params: { path: { ...path, image_id: imageId } } }),
      ),
    );
  const move = (from: number, to: number) => {
    const ids = product.images.map((i) => i.id);
    const [picked] = ids.splice(from, 1);
    ids.splice(to, 0, picked);
    const options = { params: { path }, body: { image_ids: ids } };
    return run(() => unwrap(mode === 'admin' ? api.client.PUT('/api/v1/admin/showroom/products/{product_id}/image-order', options) : api.client.PUT('/api/v1/showroom/mine/{product_id}/image-order', options)));
  };
  return (
    <Spin spinning={busy}>
      <Space wrap size={10} data-testid="sr-editor-images">
        {product.images.map((image, i) => (
          <div key={image.id} style={{ width: 104, textAlign: 'center' }}>
            <img src={image.thumb} alt="" style={{ width: 104, height: 104, objectFit: 'cover', borderRadius: 8, border: i === 0 ? '2px solid #722ed1' : '1px solid #f0f0f0' }} />
            <Space size={0}>
              <Button size="small" type="text" icon={<ArrowLeftOutlined />} disabled={i === 0} onClick={() => void move(i, i - 1)} aria-label="前移" />
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => void remove(image.id)} aria-label="删除" />
              <Button size="small" type="text" icon={<ArrowRightOutlined />} disabled={i === product.images.length - 1} onClick={() => void move(i, i + 1)} aria-label="后移" />
            </Space>
          </div>
        ))}
        {product.images.length < 9 ? (
          <Upload accept="image/jpeg,image/png" showUploadList={false} beforeUpload={(file) => (void upload(file), false)} multiple>
            <button type="button" style={{ width: 104, height: 104, border: '1px dashed #d9d9d9', borderRadius: 8, background: '#fafafa', cursor: 'pointer' }}>
              <PlusOutlined />
              <div style={{ marginTop: 6 }}>上传图片</div>
            </button>
          </Upload>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        JPEG / PNG，单张不超过 8 MB，最多 9 张；第一张为主图，系统自动生成缩略图与展示图。
      </Typography.Paragraph>
    </Spin>
  );
}

export function ProductEditor({
  mode,
  productId,
  open,
  tree,
  tags,
  onClose,
  onSaved,
}: {
  mode: Mode;
  productId: number | null;
  open: boolean;
  tree: CategoryNode[];
  tags: TagOut[];
  onClose: () => void;
  onSaved: (product: Product) => void;
}) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [product, setProduct] = useState<Product | null>(null);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [merchants, setMerchants] = useState<{ value: number; label: string }[]>([]);
  const categoryId = Form.useWatch('category_id', form);
  const attributes = useMemo(() => (categoryId ? inheritedAttributes(tree, categoryId) : []), [tree, categoryId]);
  const editingId = product?.id ?? productId;

  const reload = async (id: number) => {
    const found = await fetchProduct(api, mode, id);
    setProduct(found);
    return found;
  };

  useEffect(() => {
    if (!open) return;
    setError(null);
    setProduct(null);
    form.resetFields();
    if (mode === 'admin') {
      unwrap(api.client.GET('/api/v1/admin/merchants', { params: { query: { page_size: 100 } } }))
        .then((page) => setMerchants(page.items.map((m) => ({ value: m.id, label: m.display_name }))))
        .catch(() => setMerchants([]));
    }
    if (!productId) return;
    setLoading(true);
    reload(productId)
      .then((found) => {
        const values: Record<string, string> = {};
        for (const v of found.values) if (v.attribute_id) values[String(v.attribute_id)] = v.value;
        form.setFieldsValue({
          name: found.name,
          category_id: found.category.id,
          price_cny: Number(found.price.amount),
          price_usd: found.price_usd ? Number(found.price_usd.amount) : null,
          description: found.description,
          tag_ids: found.tags.map((t) => t.id),
          merchant_id: found.merchant_id,
          values,
        });
      })
      .catch((e) => setError(errorMessage(e)))
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, productId, mode, api]);

  const save = async (values: Values) => {
    setSaving(true);
    setError(null);
    const body = {
      name: values.name,
      category_id: values.category_id,
      price_cny: String(values.price_cny),
      price_usd: values.price_usd == null ? null : String(values.price_usd),
      description: values.description ?? '',
      tag_ids: values.tag_ids ?? [],
      values: Object.fromEntries(Object.entries(values.values ?? {}).map(([k, v]) => [k, v == null ? '' : String(v)])),
    };
    try {
      let saved: Product;
      if (editingId) {
        const path = { product_id: editingId };
        saved = await unwrap(
          mode === 'admin'
            ? api.client.PUT('/api/v1/admin/showroom/products/{product_id}', { params: { path }, body })
            : api.client.PUT('/api/v1/showroom/mine/{product_id}', { params: { path }, body }),
        );
      } else if (mode === 'admin') {
        saved = await unwrap(api.client.POST('/api/v1/admin/showroom/products', { body: { ...body, merchant_id: values.merchant_id ?? 0, state: values.state ?? 'listed' } }));
      } else {
        saved = await unwrap(api.client.POST('/api/v1/showroom/mine', { body }));
      }
      setProduct(saved);
      message.success(editingId ? '已保存' : '已创建，可继续上传商品图片');
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiFailure) {
        const errors = fieldErrors(e).map((f) => ({ ...f, name: f.name.startsWith('values.') ? ['values', f.name.slice(7)] : f.name }));
        form.setFields(errors as Parameters<typeof form.setFields>[0]);
      }
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={640}
      title={editingId ? '编辑商品' : '新建商品'}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="sr-editor-save">
            保存
          </Button>
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Spin spinning={loading}>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ state: 'listed', tag_ids: [] }} data-testid="sr-editor">
          {mode === 'admin' && !editingId ? (
            <Space style={{ width: '100%' }} size={16} align="start">
              <Form.Item name="merchant_id" label="所属商户" rules={[{ required: true, message: '请选择商户' }]} style={{ width: 300 }}>
                <Select showSearch optionFilterProp="label" options={merchants} placeholder="选择商户" data-testid="sr-editor-merchant" />
              </Form.Item>
              <Form.Item name="state" label="状态" style={{ width: 200 }}>
                <Select options={[{ value: 'listed', label: '上架' }, { value: 'unlisted', label: '下架' }, { value: 'pending', label: '审核中' }]} />
              </Form.Item>
            </Space>
          ) : null}
          <Form.Item name="name" label="商品名称" extra={<CrystalHintTip place="product_form" field="name" />} rules={[{ required: true, message: '请填写商品名称' }, { max: 60, message: '不能超过 60 个字' }]}>
            <Input placeholder="如：巴西紫水晶单圈手串 8mm" maxLength={60} showCount />
          </Form.Item>
          <Form.Item name="category_id" label="分类" rules={[{ required: true, message: '请选择分类' }]}>
            <TreeSelect treeData={treeOptions(tree, product?.category.id)} treeDefaultExpandAll placeholder="选择分类" showSearch treeNodeFilterProp="title" data-testid="sr-editor-category" />
          </Form.Item>
          {attributes.length ? (
            <div style={{ background: '#faf7ff', borderRadius: 8, padding: '12px 16px 0', marginBottom: 16 }}>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                分类属性
              </Typography.Text>
              <Space wrap size={[16, 0]}>
                {attributes.map((attribute) => (
                  <Form.Item key={attribute.id} name={['values', String(attribute.id)]} label={attribute.name} style={{ width: 260 }}>
                    {attribute.kind === 'choice' ? (
                      <Select allowClear options={attribute.choices.map((c) => ({ value: c, label: c }))} placeholder="请选择" />
                    ) : attribute.kind === 'number' ? (
                      <InputNumber style={{ width: '100%' }} addonAfter={attribute.unit || undefined} placeholder="数值" />
                    ) : (
                      <Input placeholder="请填写" maxLength={100} />
                    )}
                  </Form.Item>
                ))}
              </Space>
            </div>
          ) : null}
          <Space size={16} align="start">
            <Form.Item name="price_cny" label="价格（人民币）" rules={[{ required: true, message: '请填写价格' }]}>
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="price_usd" label="价格（美元，可选）">
              <InputNumber min={0} precision={2} prefix="$" style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item name="tag_ids" label="标签">
            <Select mode="multiple" allowClear options={tags.map((t) => ({ value: t.id, label: t.name }))} placeholder="如 热销、新品" />
          </Form.Item>
          <Form.Item name="description" label="商品描述" extra={<CrystalHintTip place="product_form" field="description" />}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder="产地、品质、规格、发货方式……" />
          </Form.Item>
        </Form>
        <Typography.Text strong>商品图片</Typography.Text>
        <div style={{ marginTop: 8 }}>
          {product ? <Pictures mode={mode} product={product} onChange={() => void reload(product.id).then(onSaved)} /> : <Typography.Text type="secondary">保存商品后即可上传图片。</Typography.Text>}
        </div>
      </Spin>
    </Drawer>
  );
}
