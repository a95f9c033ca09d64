/** One product in the H5 showroom grid (picture lazy-loaded). */
import { Tag } from 'antd-mobile';
import { Link } from 'react-router-dom';
import { formatMoney, type Card } from '@/shared/showroom/showroom';

const TAG_COLORS: Record<string, string> = { red: 'danger', green: 'success', blue: 'primary', gold: 'warning' };

export function MobileCard({ card }: { card: Card }) {
  return (
    <Link to={`/showroom/products/${card.id}`} className="m-sr__card" data-testid={`m-sr-card-${card.id}`}>
      <div className="m-sr__img">{card.thumb ? <img src={card.thumb} alt={card.name} loading="lazy" decoding="async" /> : <span style={{ color: '#d3adf7' }}>暂无图片</span>}</div>
      <div className="m-sr__body">
        <div className="m-sr__name">{card.name}</div>
        <div className="m-sr__price">{formatMoney(card.price)}</div>
        <div className="m-sr__tags">
          {card.tags.map((tag) => (
            <Tag key={tag.id} color={TAG_COLORS[tag.color] ?? 'primary'} fill="outline">
              {tag.name}
            </Tag>
          ))}
        </div>
        <div className="m-sr__meta">{card.merchant}</div>
      </div>
    </Link>
  );
}
