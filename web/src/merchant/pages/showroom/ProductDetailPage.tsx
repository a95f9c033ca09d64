/** S3 商品详情 (`/showroom/products/:productId`): gallery with zoom, attributes, price, tags, merchant, 购买. */
import { ShoppingOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Image, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { formatMoney, STATE_COLORS, STATE_LABELS, valueText, type Product } from '@/shared/showroom/showroom';
import CatalogPage from '../catalog/CatalogPage';
import { BuyDialog } from './BuyDialog';
import { CrystalPlaceholder } from './CrystalPlaceholder';
import './showroom.css';

function Gallery({ product }: { product: Product }) {
  const [index, setIndex] = useState(0);
  if (!product.images.length) {
    return (
      <div className="sr-gallery__main" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <CrystalPlaceholder />
      </div>
    );
  }
  const current = product.images[Math.min(index, product.images.length - 1)];
  return (
    <Image.PreviewGroup items={product.images.map((i) => i.display)} preview={{ current: index, onChange: setIndex }}>
      <div className="sr-gallery__main" data-testid="sr-gallery">
        <Image src={current.display} alt={product.name} preview={{ mask: '点击放大' }} />
      </div>
      <div className="sr-gallery__thumbs">
        {product.images.map((image, i) => (
          <button type="button" key={image.id} className={`sr-gallery__thumb${i === index ? ' sr-gallery__thumb--on' : ''}`} onMouseEnter={() => setIndex(i)} onClick={() => setIndex(i)} aria-label={`第 ${i + 1} 张图`}>
            <img src={image.thumb} alt="" loading="lazy" />
          </button>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

export default function ProductDetailPage() {
  const { productId } = useParams();
  const { me, access, api } = useMe();
  const { pathname } = useLocation();
  const [product, setProduct] = useState<Product | null>(null);
  const [error, setError] = useState<{ text: string; missing: boolean } | null>(null);
  const [buying, setBuying] = useState(false);

  useEffect(() => {
    setProduct(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/showroom/products/{product_id}', { params: { path: { product_id: Number(productId) } } }))
      .then(setProduct)
      .catch((e) => setError({ text: errorMessage(e), missing: e instanceof ApiFailure && e.status === 404 }));
  }, [api, productId]);

  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  if (error?.missing) return <Result status="404" title="商品不存在或已下架" extra={<Link to="/showroom">返回商品展厅</Link>} />;

  return (
    <div data-testid="sr-detail">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/showroom">交易平台</Link> },
          ...(product?.category_path ?? []).map((c) => ({ title: <Link to={`/showroom/categories/${c.id}`}>{c.name}</Link> })),
          { title: <>{product?.name ?? '商品详情'}</> },
        ]}
      />
      {error ? <Alert type="error" showIcon message={error.text} /> : null}
      {!product && !error ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {product ? (
        <Card variant="borderless" className="jmt-card">
          <Row gutter={[40, 24]}>
            <Col xs={24} md={11} xl={10}>
              <Gallery product={product} />
            </Col>
            <Col xs={24} md={13} xl={14}>
              <Space direction="vertical" size={14} style={{ width: '100%' }}>
                {product.state !== 'listed' ? <Alert type="info" showIcon message={`这是您自己的商品，当前状态「${STATE_LABELS[product.state]}」，未在展厅展示。`} /> : null}
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="sr-detail-name">
                  {product.name}
                </Typography.Title>
                <Space size={4} wrap>
                  {product.tags.map((tag) => (
                    <Tag key={tag.id} color={tag.color}>
                      {tag.name}
                    </Tag>
                  ))}
                  {product.state !== 'listed' ? <Tag color={STATE_COLORS[product.state]}>{STATE_LABELS[product.state]}</Tag> : null}
                </Space>
                <div>
                  <span className="sr-price">{formatMoney(product.price)}</span>
                  {product.price_usd ? <Typography.Text type="secondary" style={{ marginLeft: 12 }}>约 {formatMoney(product.price_usd)}</Typography.Text> : null}
                </div>
                <Descriptions column={2} size="small" bordered labelStyle={{ width: 96, whiteSpace: 'nowrap' }}>
                  <Descriptions.Item label="商户">{product.merchant}</Descriptions.Item>
                  <Descriptions.Item label="分类">{product.category_path.map((c) => c.name).join(' / ')}</Descriptions.Item>
                  {product.values.map((value) => (
                    <Descriptions.Item key={`${value.name}-${value.attribute_id ?? 'x'}`} label={value.name}>
                      {valueText(value)}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
                <Button type="primary" size="large" icon={<ShoppingOutlined />} onClick={() => setBuying(true)} style={{ minWidth: 200 }} data-testid="sr-buy-button">
                  购买
                </Button>
              </Space>
            </Col>
          </Row>
          {product.description ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 32 }}>
                商品描述
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{product.description}</Typography.Paragraph>
            </>
          ) : null}
          <BuyDialog open={buying} productName={product.name} onClose={() => setBuying(false)} />
        </Card>
      ) : null}
    </div>
  );
}
