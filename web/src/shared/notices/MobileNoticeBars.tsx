/** H5 (antd-mobile): the closed-hours notice and the active maintenance announcements as notice bars. */
import { NoticeBar } from 'antd-mobile';
import type { Api } from '../api/client';
import { announcementText, closedText, useNotices } from './notices';

export function MobileNoticeBars({ api }: { api: Api }) {
  const notices = useNotices(api, 'merchant');
  if (!notices) return null;
  return (
    <>
      {notices.announcements.map((a) => (
        <NoticeBar
          key={a.id}
          color={a.level === 'warning' ? 'alert' : 'info'}
          wrap
          content={announcementText(a)}
          data-testid="maintenance-banner"
        />
      ))}
      {!notices.open ? <NoticeBar color="info" wrap content={closedText(notices)} data-testid="opening-hours-notice" /> : null}
    </>
  );
}
