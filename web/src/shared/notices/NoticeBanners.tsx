/** PC (antd): the closed-hours notice and the active maintenance announcements, above a page's content. */
import { ClockCircleOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, Space } from 'antd';
import type { Api } from '../api/client';
import { closedText, useNotices, type NoticeSurface } from './notices';

export function NoticeBanners({ api, surface, showHours = surface === 'merchant' }: { api: Api; surface: NoticeSurface; showHours?: boolean }) {
  const notices = useNotices(api, surface);
  if (!notices) return null;
  const closed = showHours && !notices.open;
  if (!closed && notices.announcements.length === 0) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 20 }}>
      {notices.announcements.map((a) => (
        <Alert
          key={a.id}
          type={a.level === 'warning' ? 'warning' : 'info'}
          showIcon
          icon={<NotificationOutlined />}
          style={{ borderRadius: 8 }}
          message={<strong>{a.title}</strong>}
          description={a.content}
          data-testid="maintenance-banner"
        />
      ))}
      {closed ? (
        <Alert
          type="info"
          showIcon
          icon={<ClockCircleOutlined />}
          style={{ borderRadius: 8 }}
          message="当前为非营业时间"
          description={
            <span>
              {closedText(notices)}
              {notices.platform.hotline ? ` 如有急事请致电 ${notices.platform.hotline}。` : ''}
            </span>
          }
          data-testid="opening-hours-notice"
        />
      ) : null}
    </Space>
  );
}
