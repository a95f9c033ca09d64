/** 我的商品 on the H5 (`/m/showroom/products`): the merchant's own products and their states; 提交审核 for a
 * 草稿 or 已退回 one (writing a product — pictures, attributes — is done on the PC). */
import { Button, Dialog, ErrorBlock, InfiniteScroll, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { formatMoney, STATE_LABELS, type Card } from '@/shared/showroom/showroom';
import { MobileEmpty } from '../../components/MobileEmpty';
import CatalogPage from '../catalog/CatalogPage';
import './showroom.css';

const COLORS = { draft: 'default', pending: 'primary', returned: 'danger', listed: 'success', unlisted: 'warning' } as const;

export default function MobileMyProductsPage() {
  const { me, access, api } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Card[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const canEdit = access.can('showroom:products:edit');

  const fetchPage = useCallback(
    async (n: number) => {
      try {
        const result = await unwrap(api.client.GET('/api/v1/showroom/mine', { params: { query: { page: n, page_size: 20 } } }));
        setItems((prev) => (n === 1 ? result.items : [...prev, ...result.items]));
        setTotal(result.total);
        setPage(n);
      } catch (e) {
        setError(errorMessage(e));
        throw e;
      }
    },
    [api],
  );
  useEffect(() => {
    void fetchPage(1).catch(() => undefined);
  }, [fetchPage]);

  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;

  const submit = async (card: Card) => {
    const ok = await Dialog.confirm({ content: `提交「${card.name}」审核？审核期间不能修改。`, confirmText: '提交', cancelText: '取消' });
    if (!ok) return;
    try {
      await unwrap(api.client.POST('/api/v1/showroom/mine/{product_id}/submit', { params: { path: { product_id: card.id } } }));
      Toast.show({ icon: 'success', content: '已提交审核' });
      void fetchPage(1);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };

  return (
    <div className="m-sr">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/showroom'))} style={{ background: '#fff' }}>
        我的商品
      </NavBar>
      <div className="m-sr__total">新建与编辑商品请在电脑端「交易平台 › 我的商品」操作</div>
      {error && !items.length ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {total === 0 ? <MobileEmpty icon="💎" title="还没有商品" hint="在电脑端新建商品并提交审核" /> : null}
      <List style={{ marginTop: 10 }}>
        {items.map((card) => (
          <List.Item
            key={card.id}
            prefix={card.thumb ? <img src={card.thumb} alt="" loading="lazy" style={{ width: 52, height: 52, objectFit: 'cover', borderRadius: 6 }} /> : null}
            description={
              <>
                {formatMoney(card.price)} · <Tag color={COLORS[card.state]}>{STATE_LABELS[card.state]}</Tag>
              </>
            }
            extra={
              canEdit && (card.state === 'draft' || card.state === 'returned') ? (
                <Button size="mini" color="primary" fill="outline" onClick={(e) => (e.stopPropagation(), void submit(card))}>
                  提交审核
                </Button>
              ) : null
            }
            onClick={() => navigate(`/showroom/products/${card.id}`)}
          >
            {card.name}
          </List.Item>
        ))}
      </List>
      {total ? <InfiniteScroll loadMore={() => fetchPage(page + 1)} hasMore={items.length < total && !error} /> : null}
    </div>
  );
}
