/**
 * The showroom (S1, `/showroom`) and a category page (S2, `/showroom/categories/:id`): search by
 * Chinese, full pinyin or initials; filters by category, tags, price and the category's attributes.
 * With nothing typed or chosen, the showroom shows each top-level category with its newest products.
 */
import { AppstoreOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Col, Empty, Input, InputNumber, Menu, Pagination, Row, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import {
  attrsParam,
  type AttributeFilter,
  type CardPage,
  type CategoryInfo,
  type CategoryNode,
  type HallSection,
  type ShowroomQuery,
  type TagOut,
} from '@/shared/showroom/showroom';
import CatalogPage from '../catalog/CatalogPage';
import { ProductCard } from './ProductCard';
import './showroom.css';

const PAGE_SIZE = 24;
type Ordering = NonNullable<ShowroomQuery['ordering']>;

function categoryMenu(nodes: CategoryNode[]): { key: string; label: JSX.Element; children?: ReturnType<typeof categoryMenu> }[] {
  return nodes.map((node) => ({
    key: String(node.id),
    label: (
      <Link to={`/showroom/categories/${node.id}`}>
        {node.name} <Typography.Text type="secondary">({node.listed_count})</Typography.Text>
      </Link>
    ),
    children: node.children.length ? categoryMenu(node.children) : undefined,
  }));
}

function ancestorsOf(nodes: CategoryNode[], id: number, path: number[] = []): number[] | null {
  for (const node of nodes) {
    if (node.id === id) return [...path, node.id];
    const found = ancestorsOf(node.children, id, [...path, node.id]);
    if (found) return found;
  }
  return null;
}

function Grid({ page, loading, onPage }: { page: CardPage | null; loading: boolean; onPage: (n: number) => void }) {
  if (loading && !page) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!page) return null;
  if (!page.items.length) return <Empty description="没有找到符合条件的商品，换个关键词或减少筛选条件试试" style={{ padding: 48 }} />;
  return (
    <>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }} data-testid="sr-total">
        共 {page.total} 件商品
      </Typography.Text>
      <div className="sr-grid" data-testid="sr-grid" style={{ opacity: loading ? 0.6 : 1 }}>
        {page.items.map((card) => (
          <ProductCard key={card.id} card={card} />
        ))}
      </div>
      {page.total > page.page_size ? (
        <Pagination style={{ marginTop: 24, textAlign: 'center' }} current={page.page} pageSize={page.page_size} total={page.total} showSizeChanger={false} onChange={onPage} />
      ) : null}
    </>
  );
}

function Hall({ sections }: { sections: HallSection[] }) {
  if (!sections.length) return <Empty description="展厅还没有上架的商品" style={{ padding: 48 }} />;
  return (
    <>
      {sections.map((section) => (
        <div key={section.category.id} className="sr-section" data-testid={`sr-section-${section.category.id}`}>
          <div className="sr-section__head">
            <Typography.Title level={5}>
              {section.category.name} <Typography.Text type="secondary">· {section.total} 件</Typography.Text>
            </Typography.Title>
            <Link to={`/showroom/categories/${section.category.id}`}>
              查看全部 <RightOutlined />
            </Link>
          </div>
          <div className="sr-grid">
            {section.items.map((card) => (
              <ProductCard key={card.id} card={card} />
            ))}
          </div>
        </div>
      ))}
    </>
  );
}

function AttributeFilters({ info, value, onChange }: { info: CategoryInfo; value: Record<number, AttributeFilter | undefined>; onChange: (next: Record<number, AttributeFilter | undefined>) => void }) {
  const shown = info.attributes.filter((a) => a.kind !== 'text');
  return (
    <>
      {shown.map((attribute) => {
        const current = value[attribute.id];
        if (attribute.kind === 'choice') {
          const chosen = current?.kind === 'choice' ? current.values : [];
          return (
            <div className="sr-filters__row" key={attribute.id}>
              <span className="sr-filters__label">{attribute.name}</span>
              <Space size={[4, 6]} wrap>
                {attribute.choices.map((choice) => (
                  <Tag.CheckableTag
                    key={choice}
                    checked={chosen.includes(choice)}
                    onChange={(on) => onChange({ ...value, [attribute.id]: { kind: 'choice', values: on ? [...chosen, choice] : chosen.filter((c) => c !== choice) } })}
                  >
                    {choice}
                  </Tag.CheckableTag>
                ))}
              </Space>
            </div>
          );
        }
        const range = current?.kind === 'number' ? current : { kind: 'number' as const };
        return (
          <div className="sr-filters__row" key={attribute.id}>
            <span className="sr-filters__label">{attribute.name}</span>
            <Space>
              <InputNumber size="small" min={0} placeholder="最小" value={range.min ?? null} onChange={(v) => onChange({ ...value, [attribute.id]: { ...range, min: v } })} />
              <span>~</span>
              <InputNumber size="small" min={0} placeholder="最大" value={range.max ?? null} onChange={(v) => onChange({ ...value, [attribute.id]: { ...range, max: v } })} />
              {attribute.unit ? <Typography.Text type="secondary">{attribute.unit}</Typography.Text> : null}
            </Space>
          </div>
        );
      })}
    </>
  );
}

export function ShowroomBrowser({ categoryId }: { categoryId: number | null }) {
  const { me, access, api } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page')) || 1;
  const [typed, setTyped] = useState(q);
  const [tree, setTree] = useState<CategoryNode[] | null>(null);
  const [tags, setTags] = useState<TagOut[]>([]);
  const [info, setInfo] = useState<CategoryInfo | null>(null);
  const [hall, setHall] = useState<HallSection[] | null>(null);
  const [result, setResult] = useState<CardPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tagIds, setTagIds] = useState<number[]>([]);
  const [priceMin, setPriceMin] = useState<number | null>(null);
  const [priceMax, setPriceMax] = useState<number | null>(null);
  const [attrs, setAttrs] = useState<Record<number, AttributeFilter | undefined>>({});
  const [ordering, setOrdering] = useState<Ordering>('-listed_at');

  const attrList = useMemo(() => attrsParam(attrs), [attrs]);
  const browsing = !categoryId && !q && !tagIds.length && priceMin == null && priceMax == null && ordering === '-listed_at';

  useEffect(() => setTyped(q), [q]);
  useEffect(() => {
    void unwrap(api.client.GET('/api/v1/showroom/categories'))
      .then(setTree)
      .catch((e) => {
        setTree([]);
        setError(errorMessage(e));
      });
    void unwrap(api.client.GET('/api/v1/showroom/tags')).then(setTags).catch(() => setTags([]));
  }, [api]);
  useEffect(() => {
    setAttrs({});
    setInfo(null);
    if (!categoryId) return;
    unwrap(api.client.GET('/api/v1/showroom/category-info', { params: { query: { category_id: categoryId } } }))
      .then(setInfo)
      .catch((e) => setError(errorMessage(e)));
  }, [api, categoryId]);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      if (browsing) {
        setHall(await unwrap(api.client.GET('/api/v1/showroom/hall')));
      } else {
        const query: ShowroomQuery = { q, page, page_size: PAGE_SIZE, ordering, tag_ids: tagIds, attrs: attrList };
        if (categoryId) query.category_id = categoryId;
        if (priceMin != null) query.price_min = priceMin;
        if (priceMax != null) query.price_max = priceMax;
        setResult(await unwrap(api.client.GET('/api/v1/showroom/products', { params: { query } })));
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, browsing, q, page, ordering, tagIds, attrList, categoryId, priceMin, priceMax]);

  useEffect(() => {
    void load();
  }, [load]);

  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;

  const setPage = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
    window.scrollTo({ top: 0 });
  };
  const search = (text: string) => {
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    setParams(next);
  };
  const resetPage = () => {
    if (params.get('page')) {
      const next = new URLSearchParams(params);
      next.delete('page');
      setParams(next, { replace: true });
    }
  };
  const openKeys = categoryId && tree ? (ancestorsOf(tree, categoryId) ?? []).map(String) : [];

  return (
    <div data-testid="showroom">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/showroom">交易平台</Link> },
          ...(info ? info.path.map((p) => ({ title: <Link to={`/showroom/categories/${p.id}`}>{p.name}</Link> })) : [{ title: <>商品展厅</> }]),
        ]}
      />
      <div className="sr-hero">
        <Typography.Title level={4}>{info ? info.name : '商品展厅'}</Typography.Title>
        <Typography.Text type="secondary">东海水晶源头好货：原石、手串、摆件、吊坠、水晶球，看中即可联系捷晶采购顾问下单。</Typography.Text>
        <div>
          <Input.Search
            size="large"
            allowClear
            enterButton="搜索"
            placeholder="搜索商品：中文、拼音或首字母，如「紫水晶」「zishuijing」「zsj」"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={search}
            data-testid="sr-search"
          />
        </div>
      </div>
      <Row gutter={20} wrap={false}>
        <Col flex="220px">
          <div className="sr-side">
            <Typography.Text strong style={{ display: 'block', margin: '4px 0 8px 12px' }}>
              <AppstoreOutlined /> 全部分类
            </Typography.Text>
            {tree === null ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : tree.length ? (
              <Menu mode="inline" selectedKeys={categoryId ? [String(categoryId)] : []} defaultOpenKeys={openKeys} key={openKeys.join('-')} items={categoryMenu(tree)} />
            ) : (
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                暂无分类
              </Typography.Text>
            )}
          </div>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} action={<Button size="small" onClick={() => void load()}>重试</Button>} /> : null}
          <div className="sr-filters" data-testid="sr-filters">
            {info && info.children.length ? (
              <div className="sr-filters__row">
                <span className="sr-filters__label">子分类</span>
                <Space size={[4, 6]} wrap>
                  {info.children.map((child) => (
                    <Button key={child.id} size="small" onClick={() => navigate(`/showroom/categories/${child.id}`)}>
                      {child.name}
                    </Button>
                  ))}
                </Space>
              </div>
            ) : null}
            <div className="sr-filters__row">
              <span className="sr-filters__label">标签</span>
              <Space size={[4, 6]} wrap>
                {tags.map((tag) => (
                  <Tag.CheckableTag
                    key={tag.id}
                    checked={tagIds.includes(tag.id)}
                    onChange={(on) => {
                      resetPage();
                      setTagIds(on ? [...tagIds, tag.id] : tagIds.filter((t) => t !== tag.id));
                    }}
                  >
                    {tag.name}
                  </Tag.CheckableTag>
                ))}
              </Space>
            </div>
            <div className="sr-filters__row">
              <span className="sr-filters__label">价格</span>
              <Space wrap>
                <InputNumber size="small" min={0} prefix="¥" placeholder="最低" value={priceMin} onChange={(v) => (resetPage(), setPriceMin(v))} />
                <span>~</span>
                <InputNumber size="small" min={0} prefix="¥" placeholder="最高" value={priceMax} onChange={(v) => (resetPage(), setPriceMax(v))} />
              </Space>
            </div>
            {info ? <AttributeFilters info={info} value={attrs} onChange={(next) => (resetPage(), setAttrs(next))} /> : null}
            <div className="sr-filters__row">
              <span className="sr-filters__label">排序</span>
              <Segmented<Ordering>
                size="small"
                value={ordering}
                onChange={(v) => (resetPage(), setOrdering(v))}
                options={[
                  { label: '最新上架', value: '-listed_at' },
                  { label: '价格从低到高', value: 'price' },
                  { label: '价格从高到低', value: '-price' },
                ]}
              />
            </div>
          </div>
          {browsing ? hall ? <Hall sections={hall} /> : <Skeleton active paragraph={{ rows: 8 }} /> : <Grid page={result} loading={loading} onPage={setPage} />}
        </Col>
      </Row>
    </div>
  );
}
