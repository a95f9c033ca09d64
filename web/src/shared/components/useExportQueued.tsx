/** After an export button: the toast 「已加入下载中心」 with a link to it (PC and back office). */
import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { DOWNLOAD_CENTER, QUEUED_TEXT } from '../downloads';

export function useExportQueued(): (title: string) => void {
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (title: string) => {
    const key = `export-${Date.now()}`;
    message.success({
      key,
      duration: 6,
      content: (
        <span data-testid="export-queued">
          「{title}」{QUEUED_TEXT}，生成后会通知您{' '}
          <a
            onClick={() => {
              message.destroy(key);
              navigate(DOWNLOAD_CENTER);
            }}
          >
            查看下载中心
          </a>
        </span>
      ),
    });
  };
}
