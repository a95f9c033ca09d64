/** 商品管理 › 商品: search by ID, name (pinyin too), merchant, category, status and tag; create and edit;
 * review what merchants submit (通过并上架 / 退回 with a reason); batch 上架 / 下架. */
import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Input, Modal, Space, Tag, TreeSelect, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { ProductEditor } from '@/shared/showroom/ProductEditor';
import { formatMoney, STATE_COLORS, STATE_LABELS, treeOptions, type Card, type CategoryNode, type ProductState, type TagOut } from '@/shared/showroom/showroom';

const EDIT = 'content:showroom:edit';

export function ProductsTab({ tree, tags, focus }: { tree: CategoryNode[]; tags: TagOut[]; focus: number | null }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<number | 'new' | null>(focus);
  const [returning, setReturning] = useState<Card | null>(null);
  const [reason, setReason] = useState('');
  const canEdit = access.can(EDIT);
  const reload = () => actionRef.current?.reload();

  const review = async (row: Card, approve: boolean, why = '') => {
    try {
      await unwrap(api.client.POST('/api/v1/admin/showroom/products/{product_id}/review', { params: { path: { product_id: row.id } }, body: { approve, reason: why } }));
      message.success(approve ? `「${row.name}」已通过审核并上架` : `「${row.name}」已退回`);
      setReturning(null);
      setReason('');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const batch = async (listed: boolean, ids: number[]) => {
    try {
      const result = await unwrap(api.client.POST('/api/v1/admin/showroom/products/batch', { body: { product_ids: ids, listed } }));
      message.success(`已${listed ? '上架' : '下架'} ${result.done.length} 件${result.skipped.length ? `，${result.skipped.length} 件状态不符未处理` : ''}`);
      setSelected([]);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<Card>[] = [
    { title: '商品编号', dataIndex: 'id', valueType: 'digit', width: 96 },
    {
      title: '商品',
      dataIndex: 'q',
      fieldProps: { placeholder: '名称 / 拼音 / 首字母' },
      render: (_d, row) => (
        <Space>
          {row.thumb ? <img src={row.thumb} alt="" loading="lazy" style={{ width: 44, height: 44, objectFit: 'cover', borderRadius: 6 }} /> : <div style={{ width: 44, height: 44, background: '#faf7ff', borderRadius: 6 }} />}
          <Space direction="vertical" size={0}>
            <Typography.Link onClick={() => setEditing(row.id)}>{row.name}</Typography.Link>
            <Space size={2}>
              {row.tags.map((t) => (
                <Tag key={t.id} color={t.color} bordered={false} style={{ fontSize: 11 }}>
                  {t.name}
                </Tag>
              ))}
            </Space>
          </Space>
        </Space>
      ),
    },
    { title: '商户', dataIndex: 'merchant', width: 160, fieldProps: { placeholder: '商户名称' } },
    {
      title: '分类',
      dataIndex: 'category_id',
      width: 140,
      renderFormItem: () => <TreeSelect allowClear treeData={treeOptions(tree).map((o) => ({ ...o, disabled: false }))} placeholder="全部分类" treeDefaultExpandAll />,
      render: (_d, row) => row.category.name,
    },
    { title: '价格', dataIndex: 'price', search: false, width: 130, render: (_d, row) => formatMoney(row.price) },
    {
      title: '状态',
      dataIndex: 'state',
      valueType: 'select',
      width: 100,
      valueEnum: Object.fromEntries(Object.entries(STATE_LABELS).map(([k, v]) => [k, { text: v }])),
      render: (_d, row) => <Tag color={STATE_COLORS[row.state]}>{STATE_LABELS[row.state]}</Tag>,
    },
    {
      title: '标签',
      dataIndex: 'tag_id',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(tags.map((t) => [t.id, { text: t.name }])),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 200,
      render: (_d, row) =>
        canEdit
          ? [
              <Button key="edit" type="link" size="small" onClick={() => setEditing(row.id)}>
                编辑
              </Button>,
              row.state === 'pending' ? (
                <Button key="ok" type="link" size="small" onClick={() => void review(row, true)} data-testid={`sr-approve-${row.id}`}>
                  通过并上架
                </Button>
              ) : null,
              row.state === 'pending' ? (
                <Button key="no" type="link" size="small" danger onClick={() => setReturning(row)}>
                  退回
                </Button>
              ) : null,
              row.state === 'listed' ? (
                <Button key="off" type="link" size="small" onClick={() => void batch(false, [row.id])}>
                  下架
                </Button>
              ) : null,
              row.state === 'unlisted' ? (
                <Button key="on" type="link" size="small" onClick={() => void batch(true, [row.id])}>
                  上架
                </Button>
              ) : null,
            ]
          : [
              <Button key="view" type="link" size="small" onClick={() => setEditing(row.id)}>
                查看
              </Button>,
            ],
    },
  ];

  return (
    <>
      <ProTable<Card>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        rowSelection={canEdit ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
        tableAlertOptionRender={() => (
          <Space>
            <Button size="small" onClick={() => void batch(true, selected)}>
              批量上架
            </Button>
            <Button size="small" onClick={() => void batch(false, selected)}>
              批量下架
            </Button>
          </Space>
        )}
        toolBarRender={() =>
          canEdit
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="sr-admin-new-product">
                  新建商品
                </Button>,
              ]
            : []
        }
        request={async (query) => {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/showroom/products', {
              params: {
                query: {
                  page: query.current ?? 1,
                  page_size: query.pageSize ?? 20,
                  id: query.id ? Number(query.id) : undefined,
                  q: (query.q as string) ?? '',
                  merchant: (query.merchant as string) ?? '',
                  category_id: query.category_id ? Number(query.category_id) : undefined,
                  state: (query.state as ProductState) || undefined,
                  tag_id: query.tag_id ? Number(query.tag_id) : undefined,
                },
              },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
      />
      <ProductEditor
        mode="admin"
        open={editing !== null}
        productId={typeof editing === 'number' ? editing : null}
        tree={tree}
        tags={tags}
        onClose={() => setEditing(null)}
        onSaved={() => reload()}
      />
      <Modal open={returning !== null} title={`退回「${returning?.name ?? ''}」`} okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: !reason.trim() }} onOk={() => returning && void review(returning, false, reason)} onCancel={() => setReturning(null)}>
        <Input.TextArea rows={3} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回原因（商户可见），如：主图不清晰，请重新拍摄" />
      </Modal>
    </>
  );
}
