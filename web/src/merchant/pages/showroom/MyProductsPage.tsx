/**
 * 我的商品 (`/showroom/products`): a merchant's own products in every state; new ones start as 草稿,
 * 提交审核 sends them to 捷晶 (审核中 → 上架, or 已退回 with the reason shown here). `?id=` opens one
 * (the links of the review messages).
 */
import { EyeOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { ProductEditor } from '@/shared/showroom/ProductEditor';
import { formatMoney, STATE_COLORS, STATE_LABELS, type Card as CardRow, type CardPage, type CategoryNode, type ProductState, type TagOut } from '@/shared/showroom/showroom';
import CatalogPage from '../catalog/CatalogPage';
import './showroom.css';

const EDIT = 'showroom:products:edit';
const EDITABLE: ProductState[] = ['draft', 'returned'];

export default function MyProductsPage() {
  const { me, access, api } = useMe();
  const { message } = App.useApp();
  const { pathname } = useLocation();
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<ProductState | 'all'>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<CardPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tree, setTree] = useState<CategoryNode[]>([]);
  const [tags, setTags] = useState<TagOut[]>([]);
  const [editing, setEditing] = useState<number | null | 'new'>(null);
  const canEdit = access.can(EDIT);
  const focus = Number(params.get('id')) || null;

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await unwrap(api.client.GET('/api/v1/showroom/mine', { params: { query: { q, page, page_size: 20, ...(state === 'all' ? {} : { state }) } } })));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, q, page, state]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    // The editor offers only the categories of the showroom (disabled ones take no new products).
    void unwrap(api.client.GET('/api/v1/showroom/categories')).then(setTree).catch(() => setTree([]));
    void unwrap(api.client.GET('/api/v1/showroom/tags')).then(setTags).catch(() => setTags([]));
  }, [api]);

  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;

  const submit = async (row: CardRow) => {
    try {
      await unwrap(api.client.POST('/api/v1/showroom/mine/{product_id}/submit', { params: { path: { product_id: row.id } } }));
      message.success(`「${row.name}」已提交审核，通过后自动上架`);
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="sr-mine">
      <PageHeading title="我的商品" subtitle="新建商品并提交审核，捷晶审核通过后在商品展厅上架展示。" />
      <Card variant="borderless" className="jmt-card">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
          <Space wrap>
            <Segmented<ProductState | 'all'>
              value={state}
              onChange={(v) => (setPage(1), setState(v))}
              options={[{ label: '全部', value: 'all' }, ...(['draft', 'pending', 'returned', 'listed', 'unlisted'] as ProductState[]).map((s) => ({ label: STATE_LABELS[s], value: s }))]}
            />
            <Input.Search allowClear placeholder="商品名称 / 拼音首字母" onSearch={(v) => (setPage(1), setQ(v))} style={{ width: 240 }} />
          </Space>
          {canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="sr-mine-new">
              新建商品
            </Button>
          ) : null}
        </Space>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Table<CardRow>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '还没有商品，点「新建商品」添加第一件' }}
          rowClassName={(row) => (row.id === focus ? 'ant-table-row-selected' : '')}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            {
              title: '商品',
              render: (_, row) => (
                <Space>
                  {row.thumb ? <img src={row.thumb} alt="" loading="lazy" style={{ width: 48, height: 48, objectFit: 'cover', borderRadius: 6 }} /> : <div style={{ width: 48, height: 48, background: '#faf7ff', borderRadius: 6 }} />}
                  <div>
                    <div>{row.name}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.category.name}
                    </Typography.Text>
                  </div>
                </Space>
              ),
            },
            { title: '价格', width: 140, render: (_, row) => formatMoney(row.price) },
            { title: '状态', width: 100, render: (_, row) => <Tag color={STATE_COLORS[row.state]}>{STATE_LABELS[row.state]}</Tag> },
            {
              title: '操作',
              width: 240,
              render: (_, row) => (
                <Space size={4}>
                  <Link to={`/showroom/products/${row.id}`}>
                    <Button size="small" type="link" icon={<EyeOutlined />}>
                      查看
                    </Button>
                  </Link>
                  {canEdit && EDITABLE.includes(row.state) ? (
                    <>
                      <Button size="small" type="link" onClick={() => setEditing(row.id)}>
                        编辑
                      </Button>
                      <Popconfirm title="提交审核？" description="审核期间不能修改。" onConfirm={() => void submit(row)} okText="提交" cancelText="取消">
                        <Button size="small" type="link" icon={<SendOutlined />}>
                          提交审核
                        </Button>
                      </Popconfirm>
                    </>
                  ) : row.state === 'pending' ? (
                    <Tooltip title="捷晶正在审核，通过后自动上架">
                      <Typography.Text type="secondary">审核中</Typography.Text>
                    </Tooltip>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ProductEditor
        mode="merchant"
        open={editing !== null}
        productId={typeof editing === 'number' ? editing : null}
        tree={tree}
        tags={tags}
        onClose={() => {
          setEditing(null);
          if (focus) setParams({}, { replace: true });
        }}
        onSaved={() => void load()}
      />
    </Space>
  );
}
