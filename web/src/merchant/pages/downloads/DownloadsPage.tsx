/** 下载中心 (merchant PC): the exports this account asked for, their progress, and the finished files. */
import { Space } from 'antd';
import { DownloadCenter } from '@/shared/components/DownloadCenter';
import { PageHeading } from '@/shared/components/PageHeading';

export default function DownloadsPage() {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title="下载中心" subtitle="导出在后台生成，完成后会通过站内消息和微信通知您；文件保留 7 天。" />
      <DownloadCenter />
    </Space>
  );
}
