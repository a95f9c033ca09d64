/** Shown where a product has no picture yet. */
import { GoldOutlined } from '@ant-design/icons';

export function CrystalPlaceholder() {
  return <GoldOutlined style={{ fontSize: 40, color: '#d3adf7' }} aria-label="暂无图片" />;
}
