/**
 * 商品详情 (S3) on the H5: a swipeable gallery (tap to open full screen, pinch to zoom, swipe between
 * pictures), price, tags, attributes, merchant, and 购买 — a sheet with the staff WeChat QR and ID.
 */
import { Button, ErrorBlock, ImageViewer, List, NavBar, Popup, Skeleton, Swiper, Tag, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { formatMoney, STATE_LABELS, valueText, type Contact, type Product } from '@/shared/showroom/showroom';
import CatalogPage from '../catalog/CatalogPage';
import './showroom.css';

function BuySheet({ open, product, onClose }: { open: boolean; product: Product; onClose: () => void }) {
  const { api } = useMe();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open || contact) return;
    unwrap(api.client.GET('/api/v1/showroom/contact'))
      .then(setContact)
      .catch((e) => setError(errorMessage(e)));
  }, [api, open, contact]);
  const copy = async () => {
    if (!contact) return;
    try {
      await navigator.clipboard.writeText(contact.wechat_id);
      Toast.show({ icon: 'success', content: '微信号已复制' });
    } catch {
      Toast.show({ content: `请长按复制微信号：${contact.wechat_id}` });
    }
  };
  return (
    <Popup visible={open} onMaskClick={onClose} onClose={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12 }} showCloseButton>
      <div className="m-sr-buy" data-testid="m-sr-buy">
        <h3 style={{ margin: '0 0 10px' }}>联系采购顾问购买</h3>
        {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
        {!contact && !error ? <Skeleton.Paragraph lineCount={5} animated /> : null}
        {contact ? (
          <>
            <div className="m-sr-buy__note">想要「{product.name}」？{contact.note}</div>
            {contact.wechat_qr ? <img src={contact.wechat_qr} alt="采购顾问微信二维码" /> : null}
            {contact.wechat_id ? (
              <>
                <div className="m-sr-buy__id">
                  微信号 <b data-testid="m-sr-buy-wechat">{contact.wechat_id}</b>
                </div>
                <Button block color="primary" shape="rounded" onClick={() => void copy()} data-testid="m-sr-buy-copy">
                  复制微信号
                </Button>
              </>
            ) : (
              <div className="m-sr-buy__note">平台暂未设置采购咨询微信，请联系客服。</div>
            )}
          </>
        ) : null}
      </div>
    </Popup>
  );
}

export default function MobileProductDetailPage() {
  const { productId } = useParams();
  const { me, access, api } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [product, setProduct] = useState<Product | null>(null);
  const [error, setError] = useState<{ text: string; missing: boolean } | null>(null);
  const [index, setIndex] = useState(0);
  const [viewing, setViewing] = useState(false);
  const [buying, setBuying] = useState(false);

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/showroom/products/{product_id}', { params: { path: { product_id: Number(productId) } } }))
      .then(setProduct)
      .catch((e) => setError({ text: errorMessage(e), missing: e instanceof ApiFailure && e.status === 404 }));
  }, [api, productId]);

  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/showroom'));

  return (
    <div className="m-sr-detail" data-testid="m-sr-detail">
      <NavBar onBack={back} style={{ background: '#fff' }}>
        商品详情
      </NavBar>
      {error ? <ErrorBlock status={error.missing ? 'empty' : 'default'} title={error.missing ? '商品不存在或已下架' : '加载失败'} description={error.missing ? '' : error.text} /> : null}
      {!product && !error ? (
        <div style={{ padding: 16 }}>
          <Skeleton animated style={{ height: 300, borderRadius: 8 }} />
          <Skeleton.Paragraph lineCount={4} animated />
        </div>
      ) : null}
      {product ? (
        <>
          <div style={{ position: 'relative', background: '#fff' }}>
            {product.images.length ? (
              <>
                <Swiper className="m-sr-detail__swiper" onIndexChange={setIndex} indicator={() => null} data-testid="m-sr-swiper">
                  {product.images.map((image) => (
                    <Swiper.Item key={image.id} onClick={() => setViewing(true)}>
                      <img src={image.display} alt={product.name} loading="lazy" />
                    </Swiper.Item>
                  ))}
                </Swiper>
                <span className="m-sr-detail__count">
                  {index + 1} / {product.images.length}
                </span>
                <ImageViewer.Multi images={product.images.map((i) => i.display)} visible={viewing} defaultIndex={index} onClose={() => setViewing(false)} />
              </>
            ) : (
              <div style={{ aspectRatio: '1 / 1', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#d3adf7' }}>暂无图片</div>
            )}
          </div>
          <div className="m-sr-detail__info">
            <div className="m-sr-detail__price">
              {formatMoney(product.price)}
              {product.price_usd ? <span style={{ fontSize: 13, color: '#8c8c8c', fontWeight: 'normal', marginLeft: 8 }}>约 {formatMoney(product.price_usd)}</span> : null}
            </div>
            <div className="m-sr-detail__name" data-testid="m-sr-detail-name">
              {product.name}
            </div>
            <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
              {product.tags.map((tag) => (
                <Tag key={tag.id} color="primary" fill="outline">
                  {tag.name}
                </Tag>
              ))}
              {product.state !== 'listed' ? <Tag color="warning">{STATE_LABELS[product.state]}</Tag> : null}
            </div>
          </div>
          <List header="商品参数" style={{ marginBottom: 10 }}>
            <List.Item extra={product.merchant}>商户</List.Item>
            <List.Item extra={product.category_path.map((c) => c.name).join(' / ')}>分类</List.Item>
            {product.values.map((value) => (
              <List.Item key={`${value.name}-${value.attribute_id ?? 'x'}`} extra={valueText(value)}>
                {value.name}
              </List.Item>
            ))}
          </List>
          {product.description ? <div className="m-sr-detail__desc">{product.description}</div> : null}
          <div className="m-sr-detail__bar">
            <Button block color="primary" shape="rounded" size="large" onClick={() => setBuying(true)} data-testid="m-sr-buy-button">
              购买
            </Button>
          </div>
          <BuySheet open={buying} product={product} onClose={() => setBuying(false)} />
        </>
      ) : null}
    </div>
  );
}
