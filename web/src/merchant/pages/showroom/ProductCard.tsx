/** One product in a showroom grid: the first picture (lazy-loaded), name, price, tags, merchant. */
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatMoney, type Card } from '@/shared/showroom/showroom';
import { CrystalPlaceholder } from './CrystalPlaceholder';

export function ProductCard({ card }: { card: Card }) {
  return (
    <Link to={`/showroom/products/${card.id}`} className="sr-card" data-testid={`sr-card-${card.id}`}>
      <div className="sr-card__img">{card.thumb ? <img src={card.thumb} alt={card.name} loading="lazy" decoding="async" /> : <CrystalPlaceholder />}</div>
      <div className="sr-card__body">
        <div className="sr-card__name">{card.name}</div>
        <div className="sr-card__price">
          {formatMoney(card.price)}
          {card.price_usd ? <span className="sr-card__usd">{formatMoney(card.price_usd)}</span> : null}
        </div>
        <div className="sr-card__tags">
          {card.tags.map((tag) => (
            <Tag key={tag.id} color={tag.color} bordered={false}>
              {tag.name}
            </Tag>
          ))}
        </div>
        <div className="sr-card__meta">
          {card.merchant} · {card.category.name}
        </div>
      </div>
    </Link>
  );
}
