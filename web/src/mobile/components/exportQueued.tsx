/** After an export on the H5: 「已加入下载中心」 with a button that opens it. */
import { Dialog } from 'antd-mobile';
import { DOWNLOAD_CENTER, QUEUED_TEXT } from '@/shared/downloads';

export function showExportQueued(title: string, navigate: (path: string) => void): void {
  void Dialog.show({
    title: QUEUED_TEXT,
    content: <div data-testid="export-queued">「{title}」正在生成，完成后会通过消息和微信通知您。</div>,
    closeOnAction: true,
    closeOnMaskClick: true,
    actions: [
      [
        { key: 'later', text: '知道了' },
        { key: 'go', text: '去下载中心', bold: true, onClick: () => navigate(DOWNLOAD_CENTER) },
      ],
    ],
  });
}
