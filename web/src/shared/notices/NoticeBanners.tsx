/** PC (antd): the closed-hours notice and the active maintenance announcements, above a page's content. */
import { ClockCircleOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { Api } from '../api/client';
import { closedLine, closedText, dismissHoursNotice, hoursNoticeDismissed, useNotices, type NoticeSurface } from './notices';

export function NoticeBanners({ api, surface, showHours = surface === 'merchant' }: { api: Api; surface: NoticeSurface; showHours?: boolean }) {
  const notices = useNotices(api, surface);
  const [dismissed, setDismissed] = useState(() => hoursNoticeDismissed());
  if (!notices) return null;
  const closed = showHours && !notices.open && !dismissed;
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
          style={{ borderRadius: 8, padding: '4px 12px' }}
          closable
          onClose={() => {
            dismissHoursNotice();
            setDismissed(true);
          }}
          message={
            <Tooltip title={`${closedText(notices)}${notices.platform.hotline ? ` 如有急事请致电 ${notices.platform.hotline}。` : ''}`}>
              <span style={{ display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                非营业时间：{closedLine(notices)}
                {notices.platform.hotline ? ` · 急事请致电 ${notices.platform.hotline}` : ''}
              </span>
            </Tooltip>
          }
          data-testid="opening-hours-notice"
        />
      ) : null}
    </Space>
  );
}
