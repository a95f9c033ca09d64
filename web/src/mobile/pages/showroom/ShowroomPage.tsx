/**
 * 商品展厅 (S1, `/m/showroom`) and 分类页 (S2, `/m/showroom/categories/:id`) on the H5: search by Chinese,
 * pinyin or initials, top-level categories as capsules, sub-categories and tags as chips, an endless
 * two-column grid (pages of 20, pictures lazy-loaded).
 */
import { CapsuleTabs, ErrorBlock, InfiniteScroll, NavBar, SearchBar } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { findCategory, type Card, type CategoryNode, type ShowroomQuery, type TagOut } from '@/shared/showroom/showroom';
import { MobileEmpty } from '../../components/MobileEmpty';
import CatalogPage from '../catalog/CatalogPage';
import { MobileCard } from './MobileCard';
import './showroom.css';

const PAGE_SIZE = 20;

function topOf(tree: CategoryNode[], id: number | null): CategoryNode | null {
  if (id == null) return null;
  return tree.find((top) => top.id === id || findCategory(top.children, id)) ?? null;
}

export default function MobileShowroomPage() {
  const { categoryId: raw } = useParams();
  const categoryId = raw ? Number(raw) : null;
  const { me, access, api } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const [tree, setTree] = useState<CategoryNode[]>([]);
  const [tags, setTags] = useState<TagOut[]>([]);
  const [tagId, setTagId] = useState<number | null>(null);
  const [items, setItems] = useState<Card[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    void unwrap(api.client.GET('/api/v1/showroom/categories')).then(setTree).catch((e) => setError(errorMessage(e)));
    void unwrap(api.client.GET('/api/v1/showroom/tags')).then(setTags).catch(() => setTags([]));
  }, [api]);
  useEffect(() => setTyped(q), [q]);

  const fetchPage = useCallback(
    async (n: number) => {
      const mine = generation.current;
      const query: ShowroomQuery = { q, page: n, page_size: PAGE_SIZE };
      if (categoryId) query.category_id = categoryId;
      if (tagId) query.tag_ids = [tagId];
      try {
        const result = await unwrap(api.client.GET('/api/v1/showroom/products', { params: { query } }));
        if (mine !== generation.current) return;
        setItems((prev) => (n === 1 ? result.items : [...prev, ...result.items]));
        setTotal(result.total);
        setPage(n);
        setError(null);
      } catch (e) {
        if (mine === generation.current) setError(errorMessage(e));
        throw e;
      }
    },
    [api, q, categoryId, tagId],
  );

  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setTotal(null);
    setPage(0);
    void fetchPage(1).catch(() => undefined);
  }, [fetchPage]);

  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;

  const top = topOf(tree, categoryId);
  const current = categoryId ? findCategory(tree, categoryId) : null;
  // A category's sub-categories, or (on a leaf) its siblings.
  const chips = current ? (current.children.length ? current.children : current.parent_id ? (findCategory(tree, current.parent_id)?.children ?? []) : []) : [];
  const search = (text: string) => {
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    setParams(next, { replace: true });
  };
  const hasMore = total === null || items.length < total;

  return (
    <div className="m-sr" data-testid="m-showroom">
      <div className="m-sr__top">
        <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}>{current ? current.name : '商品展厅'}</NavBar>
        <div className="m-sr__search">
          <SearchBar
            placeholder="中文、拼音或首字母，如 zsj"
            value={typed}
            onChange={setTyped}
            onSearch={search}
            onClear={() => search('')}
            data-testid="m-sr-search"
          />
        </div>
        <div className="m-sr__tabs">
          <CapsuleTabs activeKey={top ? String(top.id) : 'all'} onChange={(key) => navigate(key === 'all' ? '/showroom' : `/showroom/categories/${key}`, { replace: true })}>
            <CapsuleTabs.Tab title="全部" key="all" />
            {tree.map((node) => (
              <CapsuleTabs.Tab title={node.name} key={String(node.id)} />
            ))}
          </CapsuleTabs>
        </div>
        {chips.length ? (
          <div className="m-sr__chips">
            {chips.map((child) => (
              <button type="button" key={child.id} className={`m-sr__chip${child.id === categoryId ? ' m-sr__chip--on' : ''}`} onClick={() => navigate(`/showroom/categories/${child.id}`, { replace: true })}>
                {child.name}
              </button>
            ))}
          </div>
        ) : null}
        {tags.length ? (
          <div className="m-sr__chips">
            {tags.map((tag) => (
              <button type="button" key={tag.id} className={`m-sr__chip${tag.id === tagId ? ' m-sr__chip--on' : ''}`} onClick={() => setTagId(tag.id === tagId ? null : tag.id)}>
                {tag.name}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {total !== null ? <div className="m-sr__total">共 {total} 件商品</div> : null}
      {error && !items.length ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {total === 0 ? <MobileEmpty icon="💎" title="没有找到商品" hint="换个关键词，或试试拼音首字母" /> : null}
      <div className="m-sr__grid" data-testid="m-sr-grid">
        {items.map((card) => (
          <MobileCard key={card.id} card={card} />
        ))}
      </div>
      {total !== 0 ? (
        <InfiniteScroll loadMore={() => fetchPage(page + 1)} hasMore={hasMore && page > 0 && !error}>
          {hasMore ? '加载中…' : '已经到底了'}
        </InfiniteScroll>
      ) : null}
    </div>
  );
}
