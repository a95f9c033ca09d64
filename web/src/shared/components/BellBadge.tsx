import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';

/** The bell in a PC header: the live unread count (see ``useUnreadCounts``). */
export function BellBadgeIcon({ count, color }: { count: number; color?: string }) {
  return (
    <Badge count={count} size="small" overflowCount={99} data-testid="bell-badge" title={count ? `${count} 条未读消息` : '没有未读消息'}>
      <BellOutlined style={{ fontSize: 18, color }} />
    </Badge>
  );
}
