/** 下载中心 on the H5 (and inside the mini-program): exports with their progress; finished files open from here. */
import { CloudDownloadOutlined } from '@ant-design/icons';
import { Button, DotLoading, ErrorBlock, List, ProgressBar, Tag, Toast } from 'antd-mobile';
import { formatDateTime } from '@/shared/datetime';
import { useState } from 'react';
import { canRetry, downloadHint, isRunning, openDownload, retryDownload, STATUS_TONE, type Download } from '@/shared/downloads';
import { errorMessage } from '@/shared/errors';
import { RECENT, useDownloads } from '@/shared/hooks/useDownloads';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import { SubPage } from '../me/SubPage';
import './downloads.css';

function Row({ download, onOpen, onRetry, retrying }: { download: Download; onOpen: (d: Download) => void; onRetry: (d: Download) => void; retrying: boolean }) {
  const expired = download.status === 'expired';
  return (
    <List.Item
      className={expired ? 'm-downloads__item m-downloads__item--expired' : 'm-downloads__item'}
      data-testid={`m-download-${download.id}`}
      description={
        <div>
          {isRunning(download) ? (
            <ProgressBar percent={download.progress} text style={{ '--track-width': '6px', margin: '6px 0' }} />
          ) : (
            <div className={download.status === 'failed' ? 'm-downloads__error' : undefined}>{downloadHint(download, formatDateTime)}</div>
          )}
          <div>{formatDateTime(download.created_at)} 导出</div>
        </div>
      }
      extra={
        download.status === 'done' ? (
          <Button size="small" color="primary" onClick={() => onOpen(download)} data-testid={`m-download-open-${download.id}`}>
            下载
          </Button>
        ) : canRetry(download) ? (
          <Button size="small" color="primary" fill="outline" loading={retrying} onClick={() => onRetry(download)} data-testid={`m-download-retry-${download.id}`}>
            重新生成
          </Button>
        ) : (
          <Tag color={STATUS_TONE[download.status].mobile} fill="outline">
            {download.status_label}
          </Tag>
        )
      }
    >
      {download.title}
    </List.Item>
  );
}

export default function DownloadsPage() {
  const { api } = useMe();
  const { items, total, error, reload } = useDownloads(api);
  const [retrying, setRetrying] = useState<number | null>(null);

  const retry = async (download: Download) => {
    setRetrying(download.id);
    try {
      await retryDownload(api, false, download);
      Toast.show({ icon: 'success', content: '已重新加入生成队列' });
      await reload();
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    } finally {
      setRetrying(null);
    }
  };

  const open = async (download: Download) => {
    try {
      await openDownload(api, false, download);
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  };

  return (
    <SubPage title="下载中心">
      <div className="mme-sub__note" style={{ margin: '12px 24px 0' }}>
        导出在后台生成，完成后会通知您；文件保留 7 天。
      </div>
      {error && !items ? (
        <ErrorBlock status="disconnected" title="加载失败" description={error}>
          <Button size="small" onClick={() => void reload()}>
            重试
          </Button>
        </ErrorBlock>
      ) : null}
      {!items && !error ? (
        <div className="m-downloads__loading">
          <DotLoading color="primary" />
        </div>
      ) : null}
      {items && items.length === 0 ? (
        <MobileEmpty icon={<CloudDownloadOutlined />} title="还没有导出的文件" hint="在订单等列表页点「导出」后，文件会出现在这里" />
      ) : null}
      {items && items.length ? (
        <List mode="card" data-testid="m-downloads">
          {items.map((d) => (
            <Row key={d.id} download={d} onOpen={(x) => void open(x)} onRetry={(x) => void retry(x)} retrying={retrying === d.id} />
          ))}
        </List>
      ) : null}
      {total > RECENT ? <div className="m-downloads__more">仅显示最近 {RECENT} 个，更早的请在电脑端查看</div> : null}
    </SubPage>
  );
}
