/** 商品管理 › 标签: 热销, 新品, 跨境直邮, 保税仓发货 … (the showroom filters by them). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import type { TagOut } from '@/shared/showroom/showroom';

const COLORS = [
  { value: 'red', label: '红' },
  { value: 'green', label: '绿' },
  { value: 'blue', label: '蓝' },
  { value: 'gold', label: '金' },
  { value: 'purple', label: '紫' },
  { value: 'magenta', label: '品红' },
];

export function TagsTab({ tags, onChanged }: { tags: TagOut[]; onChanged: () => Promise<void> }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const canEdit = access.can('content:showroom:edit');
  const [name, setName] = useState('');
  const [color, setColor] = useState('purple');
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      await onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card>
      {canEdit ? (
        <Space style={{ marginBottom: 16 }}>
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="新标签名称" maxLength={12} style={{ width: 200 }} />
          <Select value={color} onChange={setColor} options={COLORS} style={{ width: 100 }} />
          <Button type="primary" icon={<PlusOutlined />} disabled={!name.trim()} onClick={() => void act(() => unwrap(api.client.POST('/api/v1/admin/showroom/tags', { body: { name, color } })), '标签已添加').then(() => setName(''))}>
            添加标签
          </Button>
        </Space>
      ) : null}
      <Table<TagOut>
        rowKey="id"
        pagination={false}
        dataSource={tags}
        locale={{ emptyText: '还没有标签' }}
        columns={[
          { title: '标签', render: (_, t) => <Tag color={t.color}>{t.name}</Tag> },
          {
            title: '操作',
            width: 120,
            render: (_, t) =>
              canEdit ? (
                <Popconfirm title={`删除标签「${t.name}」？`} description="会从所有商品上移除。" okText="删除" cancelText="取消" onConfirm={() => void act(() => unwrap(api.client.DELETE('/api/v1/admin/showroom/tags/{tag_id}', { params: { path: { tag_id: t.id } } })), '标签已删除')}>
                  <Button type="link" danger size="small">
                    删除
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
