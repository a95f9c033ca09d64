/** 下载中心 (back office): the exports this staff account asked for, their progress, and the finished files. */
import { Space } from 'antd';
import { DownloadCenter } from '@/shared/components/DownloadCenter';
import { PageHeading } from '@/shared/components/PageHeading';

export default function DownloadsPage() {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading admin home="工作台" title="下载中心" subtitle="导出在后台生成，完成后会通过站内消息通知您；文件保留 7 天。" />
      <DownloadCenter admin />
    </Space>
  );
}
