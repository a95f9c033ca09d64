/** 商品管理 › 分类与属性: the tree (drag to reorder or to move under another category; the server
 * refuses a cycle), rename, enable / disable, and each category's attributes. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Popconfirm, Row, Select, Space, Switch, Table, Tag, Tree, Typography } from 'antd';
import type { TreeProps } from 'antd';
import { useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { findCategory, flatten, type Attribute, type CategoryNode } from '@/shared/showroom/showroom';

const KIND_LABELS = { text: '文本', number: '数值', choice: '选项' } as const;

type TreeItem = { key: number; title: JSX.Element; children: TreeItem[] };

function items(nodes: CategoryNode[]): TreeItem[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <span data-testid={`sr-cat-${node.name}`}>
        {node.name} <Typography.Text type="secondary">({node.product_count ?? 0})</Typography.Text>
        {!node.enabled ? <Tag style={{ marginLeft: 6 }}>已停用</Tag> : null}
      </span>
    ),
    children: items(node.children),
  }));
}

export function CategoriesTab({ tree, onChanged }: { tree: CategoryNode[]; onChanged: () => Promise<void> }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const canEdit = access.can('content:showroom:edit');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creating, setCreating] = useState<{ parentId: number | null } | null>(null);
  const [attrOpen, setAttrOpen] = useState<Attribute | 'new' | null>(null);
  const [name, setName] = useState('');
  const [attrForm] = Form.useForm<{ name: string; kind: Attribute['kind']; unit?: string; choices?: string[] }>();
  const selected = selectedId ? findCategory(tree, selectedId) : null;

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      await onChanged();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragId = Number(info.dragNode.key);
    const dropId = Number(info.node.key);
    const target = findCategory(tree, dropId);
    if (!target) return;
    const siblings = (target.parent_id ? findCategory(tree, target.parent_id)?.children : tree) ?? [];
    let parentId: number | null;
    let position: number;
    if (!info.dropToGap) {
      parentId = dropId;
      position = 0;
    } else {
      parentId = target.parent_id;
      const without = siblings.filter((s) => s.id !== dragId);
      const at = without.findIndex((s) => s.id === dropId);
      position = info.dropPosition < 0 ? Math.max(at, 0) : at + 1;
    }
    void act(() => unwrap(api.client.POST('/api/v1/admin/showroom/categories/{category_id}/move', { params: { path: { category_id: dragId } }, body: { parent_id: parentId, position } })), '分类已移动');
  };

  const saveAttribute = async (values: { name: string; kind: Attribute['kind']; unit?: string; choices?: string[] }) => {
    if (!selected) return;
    const body = { name: values.name, unit: values.unit ?? '', choices: values.choices ?? [] };
    const ok =
      attrOpen === 'new'
        ? await act(() => unwrap(api.client.POST('/api/v1/admin/showroom/categories/{category_id}/attributes', { params: { path: { category_id: selected.id } }, body: { ...body, kind: values.kind } })), '属性已添加')
        : attrOpen
          ? await act(() => unwrap(api.client.PATCH('/api/v1/admin/showroom/attributes/{attribute_id}', { params: { path: { attribute_id: attrOpen.id } }, body })), '属性已修改')
          : false;
    if (ok) setAttrOpen(null);
  };

  return (
    <Row gutter={16}>
      <Col span={10}>
        <Card
          title="分类树"
          extra={
            canEdit ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => (setName(''), setCreating({ parentId: null }))} data-testid="sr-cat-new-top">
                新建顶级分类
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            拖动分类可调整顺序，或拖到另一分类上成为其下级；括号内为商品数。
          </Typography.Paragraph>
          {tree.length ? (
            <Tree<TreeItem>
              draggable={canEdit ? { icon: false } : false}
              blockNode
              defaultExpandAll
              treeData={items(tree)}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : null)}
              onDrop={onDrop}
              key={flatten(tree).length}
            />
          ) : (
            <Empty description="还没有分类" />
          )}
        </Card>
      </Col>
      <Col span={14}>
        {selected ? (
          <Card
            title={
              <Space>
                {selected.name}
                {!selected.enabled ? <Tag>已停用</Tag> : null}
              </Space>
            }
            extra={
              canEdit ? (
                <Space>
                  <Button size="small" onClick={() => (setName(''), setCreating({ parentId: selected.id }))} data-testid="sr-cat-new-child">
                    新建下级分类
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      let next = selected.name;
                      Modal.confirm({
                        title: '重命名分类',
                        content: <Input defaultValue={selected.name} onChange={(e) => (next = e.target.value)} maxLength={40} />,
                        okText: '保存',
                        cancelText: '取消',
                        onOk: () => act(() => unwrap(api.client.PATCH('/api/v1/admin/showroom/categories/{category_id}', { params: { path: { category_id: selected.id } }, body: { name: next } })), '已重命名'),
                      });
                    }}
                  >
                    重命名
                  </Button>
                  <Space size={4}>
                    <Switch
                      size="small"
                      checked={selected.enabled}
                      onChange={(enabled) => void act(() => unwrap(api.client.PATCH('/api/v1/admin/showroom/categories/{category_id}', { params: { path: { category_id: selected.id } }, body: { enabled } })), enabled ? '已启用' : '已停用')}
                    />
                    <span>启用</span>
                  </Space>
                </Space>
              ) : null
            }
          >
            {!selected.enabled ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="已停用：不能再添加新商品；已有商品保留并照常展示。" /> : null}
            <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
              <Typography.Text strong>属性（下级分类继承）</Typography.Text>
              {canEdit ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => (attrForm.resetFields(), setAttrOpen('new'))} data-testid="sr-attr-new">
                  新增属性
                </Button>
              ) : null}
            </Space>
            <Table<Attribute>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={selected.attributes}
              locale={{ emptyText: '本分类没有自己的属性' }}
              columns={[
                { title: '名称', dataIndex: 'name' },
                { title: '类型', render: (_, a) => KIND_LABELS[a.kind] + (a.unit ? `（${a.unit}）` : '') },
                { title: '可选值', render: (_, a) => (a.choices.length ? a.choices.join('、') : '—') },
                {
                  title: '操作',
                  width: 130,
                  render: (_, a) =>
                    canEdit ? (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => (attrForm.setFieldsValue({ ...a }), setAttrOpen(a))}>
                          修改
                        </Button>
                        <Popconfirm title="删除该属性？" description="商品已填写的值会保留。" okText="删除" cancelText="取消" onConfirm={() => void act(() => unwrap(api.client.DELETE('/api/v1/admin/showroom/attributes/{attribute_id}', { params: { path: { attribute_id: a.id } } })), '属性已删除')}>
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ) : null,
                },
              ]}
            />
          </Card>
        ) : (
          <Card>
            <Empty description="在左侧选择一个分类，查看和编辑它的属性" />
          </Card>
        )}
      </Col>
      <Modal
        open={creating !== null}
        title={creating?.parentId ? `在「${findCategory(tree, creating.parentId)?.name ?? ''}」下新建分类` : '新建顶级分类'}
        okText="创建"
        cancelText="取消"
        okButtonProps={{ disabled: !name.trim() }}
        onCancel={() => setCreating(null)}
        onOk={async () => {
          if (await act(() => unwrap(api.client.POST('/api/v1/admin/showroom/categories', { body: { name, parent_id: creating?.parentId ?? null, enabled: true } })), '分类已创建')) setCreating(null);
        }}
      >
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="分类名称，如 手串" maxLength={40} data-testid="sr-cat-name" />
      </Modal>
      <Modal open={attrOpen !== null} title={attrOpen === 'new' ? '新增属性' : '修改属性'} okText="保存" cancelText="取消" onCancel={() => setAttrOpen(null)} onOk={() => attrForm.submit()}>
        <Form form={attrForm} layout="vertical" initialValues={{ kind: 'text' }} onFinish={(v) => void saveAttribute(v)}>
          <Form.Item name="name" label="属性名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={20} placeholder="如 材质、颜色、尺寸、产地" />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select disabled={attrOpen !== 'new'} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              attrForm.getFieldValue('kind') === 'number' ? (
                <Form.Item name="unit" label="单位">
                  <Input maxLength={10} placeholder="如 mm、g、cm" />
                </Form.Item>
              ) : attrForm.getFieldValue('kind') === 'choice' ? (
                <Form.Item name="choices" label="可选值" rules={[{ required: true, message: '至少一个可选值' }]}>
                  <Select mode="tags" placeholder="输入后回车添加" />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
