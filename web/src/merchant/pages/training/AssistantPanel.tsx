/** 智能客服 (E1) on the PC: Ant Design X bubbles and sender; answers stream in with their sources,
 * personal hints and, when unsure, the staff WeChat. Asks once for the merchant's sales channels. */
import { DislikeOutlined, LikeOutlined, RobotOutlined, UserOutlined } from '@ant-design/icons';
import { Bubble, Sender } from '@ant-design/x';
import { Alert, Button, Checkbox, Space, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { AnswerExtras } from '@/shared/training/AnswerExtras';
import { askStream, type Turn } from '@/shared/training/ask';
import '@/shared/training/training.css';

type Profile = components['schemas']['AssistantProfileOut'];
interface Row {
  key: string;
  role: 'user' | 'ai';
  text: string;
  turn?: Turn;
  loading?: boolean;
}

const SUGGESTIONS = ['水晶手链报关用什么 HS 编码？', '怎么打包水晶才不容易碎？', '退税需要哪些单证？', '怎么在平台上提高水晶销量？'];

export default function AssistantPanel({ onNavigate }: { onNavigate?: () => void }) {
  const { api } = useMe();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [conversationId, setConversationId] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [askChannels, setAskChannels] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);

  useEffect(() => {
    void unwrap(api.client.GET('/api/v1/training/assistant/profile')).then((p) => {
      setProfile(p);
      setPicked(p.channels);
    }).catch(() => undefined);
  }, [api]);

  const ask = useCallback(
    async (question: string) => {
      const q = question.trim();
      if (!q || busy) return;
      const key = `${Date.now()}`;
      setValue('');
      setBusy(true);
      setRows((r) => [...r, { key: `${key}-q`, role: 'user', text: q }, { key: `${key}-a`, role: 'ai', text: '', loading: true }]);
      const update = (patch: Partial<Row>) => setRows((r) => r.map((row) => (row.key === `${key}-a` ? { ...row, ...patch } : row)));
      try {
        let text = '';
        const turn = await askStream(api, q, conversationId, {
          onDelta: (piece) => {
            text += piece;
            update({ text, loading: false });
          },
        });
        setConversationId(turn.conversation_id);
        if (turn.ask_channels) setAskChannels(true);
        update({ text: turn.answer, turn, loading: false });
      } catch (e) {
        update({ text: `抱歉，回答失败：${errorMessage(e)}`, loading: false });
      } finally {
        setBusy(false);
      }
    },
    [api, busy, conversationId],
  );

  const rate = async (turn: Turn, rating: -1 | 1) => {
    try {
      const saved = await unwrap(api.client.POST('/api/v1/training/turns/{turn_id}/rating', { params: { path: { turn_id: turn.id } }, body: { rating: turn.rating === rating ? 0 : rating } }));
      setRows((r) => r.map((row) => (row.turn?.id === turn.id ? { ...row, turn: saved } : row)));
      message.success('感谢反馈');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const saveChannels = async () => {
    try {
      const p = await unwrap(api.client.PUT('/api/v1/training/assistant/channels', { body: { channels: picked } }));
      setProfile(p);
      setAskChannels(false);
      message.success('已记下您的销售渠道');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const link = (url: string, text: React.ReactNode) => (
    <Link to={url} onClick={onNavigate}>
      {text}
    </Link>
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 12 }} data-testid="assistant-panel">
      {profile && !profile.llm_enabled ? (
        <Alert type="info" showIcon message="当前未接入大模型：回答直接摘自课程、平台帮助和常见问题，并注明出处。" />
      ) : null}
      {profile?.channels.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          已了解您的销售渠道：{profile.channel_choices.filter((c) => profile.channels.includes(c.value)).map((c) => c.label).join('、')}
        </Typography.Text>
      ) : null}
      <div style={{ flex: 1, overflow: 'auto', minHeight: 200 }}>
        {rows.length === 0 ? (
          <Space direction="vertical" style={{ width: '100%', padding: '24px 8px' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              您好，我是晶贸通智能客服
            </Typography.Title>
            <Typography.Text type="secondary">可以问我平台怎么用、报关退税结汇怎么办、跨境平台怎么卖。试试：</Typography.Text>
            <Space wrap>
              {SUGGESTIONS.map((s) => (
                <Tag key={s} color="blue" style={{ cursor: 'pointer', padding: '4px 8px' }} onClick={() => void ask(s)}>
                  {s}
                </Tag>
              ))}
            </Space>
          </Space>
        ) : (
          <Bubble.List
            roles={{
              user: { placement: 'end', avatar: { icon: <UserOutlined />, style: { background: '#1677ff' } } },
              ai: { placement: 'start', avatar: { icon: <RobotOutlined />, style: { background: '#722ed1' } }, typing: false },
            }}
            items={rows.map((row) => ({
              key: row.key,
              role: row.role,
              loading: row.loading,
              content: row.role === 'user' ? row.text : (
                <div data-testid="assistant-answer">
                  <div className="jmt-answer-text">{row.text}</div>
                  {row.turn ? <AnswerExtras turn={row.turn} renderLink={link} /> : null}
                </div>
              ),
              footer: row.turn ? (
                <Space size={4}>
                  <Button size="small" type={row.turn.rating === 1 ? 'primary' : 'text'} icon={<LikeOutlined />} aria-label="有用" onClick={() => void rate(row.turn!, 1)} />
                  <Button size="small" type={row.turn.rating === -1 ? 'primary' : 'text'} danger={row.turn.rating === -1} icon={<DislikeOutlined />} aria-label="没用" onClick={() => void rate(row.turn!, -1)} />
                </Space>
              ) : undefined,
            }))}
          />
        )}
      </div>
      {askChannels && profile ? (
        <Alert
          type="warning"
          data-testid="ask-channels"
          message="您在哪些平台销售？告诉我以后，回答会更贴合您的渠道。"
          description={
            <Space direction="vertical">
              <Checkbox.Group options={profile.channel_choices.map((c) => ({ label: c.label, value: c.value }))} value={picked} onChange={(v) => setPicked(v as string[])} />
              <Space>
                <Button type="primary" size="small" disabled={!picked.length} onClick={() => void saveChannels()}>
                  保存
                </Button>
                <Button size="small" onClick={() => setAskChannels(false)}>
                  以后再说
                </Button>
              </Space>
            </Space>
          }
        />
      ) : null}
      <Sender value={value} onChange={setValue} onSubmit={(q) => void ask(q)} loading={busy} placeholder="输入您的问题，回车发送" />
    </div>
  );
}
