/** 智能客服 (E1) on the H5: a full-height sheet with the conversation, sources as links, hints,
 * the staff hand-over, thumbs up / down, and the one-time question about sales channels. */
import { Button, Checkbox, NavBar, NoticeBar, SpinLoading, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
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
}
const SUGGESTIONS = ['退税需要哪些单证？', '体积重怎么计算？', '怎么在平台上提高水晶销量？'];

export default function AssistantSheet({ onClose }: { onClose: () => void }) {
  const { api } = useMe();
  const navigate = useNavigate();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [conversationId, setConversationId] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [askChannels, setAskChannels] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void unwrap(api.client.GET('/api/v1/training/assistant/profile')).then((p) => {
      setProfile(p);
      setPicked(p.channels);
    }).catch(() => undefined);
  }, [api]);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [rows]);

  const ask = async (question: string) => {
    const q = question.trim();
    if (!q || busy) return;
    const key = `${Date.now()}`;
    setValue('');
    setBusy(true);
    setRows((r) => [...r, { key: `${key}-q`, role: 'user', text: q }, { key: `${key}-a`, role: 'ai', text: '' }]);
    const update = (patch: Partial<Row>) => setRows((r) => r.map((row) => (row.key === `${key}-a` ? { ...row, ...patch } : row)));
    try {
      let text = '';
      const turn = await askStream(api, q, conversationId, { onDelta: (piece) => update({ text: (text += piece) }) });
      setConversationId(turn.conversation_id);
      if (turn.ask_channels) setAskChannels(true);
      update({ text: turn.answer, turn });
    } catch (e) {
      update({ text: `抱歉，回答失败：${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };
  const rate = async (turn: Turn, rating: -1 | 1) => {
    try {
      const saved = await unwrap(api.client.POST('/api/v1/training/turns/{turn_id}/rating', { params: { path: { turn_id: turn.id } }, body: { rating: turn.rating === rating ? 0 : rating } }));
      setRows((r) => r.map((row) => (row.turn?.id === turn.id ? { ...row, turn: saved } : row)));
      Toast.show('感谢反馈');
    } catch (e) {
      Toast.show(errorMessage(e));
    }
  };
  const saveChannels = async () => {
    try {
      setProfile(await unwrap(api.client.PUT('/api/v1/training/assistant/channels', { body: { channels: picked } })));
      setAskChannels(false);
      Toast.show('已记下您的销售渠道');
    } catch (e) {
      Toast.show(errorMessage(e));
    }
  };
  const link = (url: string, text: React.ReactNode) => (
    <a
      onClick={() => {
        onClose();
        navigate(url);
      }}
    >
      {text}
    </a>
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', background: '#f5f5f5' }} data-testid="m-assistant-sheet">
      <NavBar onBack={onClose} style={{ background: '#fff' }}>
        智能客服
      </NavBar>
      {profile && !profile.llm_enabled ? <NoticeBar content="未接入大模型，回答摘自知识库并注明出处" color="info" /> : null}
      <div style={{ flex: 1, overflow: 'auto', padding: 12 }}>
        {rows.length === 0 ? (
          <div style={{ padding: 12 }}>
            <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>您好，我是晶贸通智能客服</div>
            <div style={{ color: '#666', marginBottom: 12 }}>平台怎么用、报关退税结汇怎么办、跨境平台怎么卖，都可以问我。</div>
            {SUGGESTIONS.map((s) => (
              <Button key={s} size="small" fill="outline" color="primary" style={{ margin: '0 8px 8px 0' }} onClick={() => void ask(s)}>
                {s}
              </Button>
            ))}
          </div>
        ) : null}
        {rows.map((row) => (
          <div key={row.key} style={{ display: 'flex', justifyContent: row.role === 'user' ? 'flex-end' : 'flex-start', marginBottom: 12 }}>
            <div
              data-testid={row.role === 'ai' ? 'm-assistant-answer' : undefined}
              style={{ maxWidth: '88%', background: row.role === 'user' ? '#1677ff' : '#fff', color: row.role === 'user' ? '#fff' : '#262626', borderRadius: 12, padding: '10px 12px' }}
            >
              {row.role === 'ai' && !row.text ? <SpinLoading style={{ '--size': '20px' }} /> : <div className="jmt-answer-text">{row.text}</div>}
              {row.turn ? (
                <>
                  <AnswerExtras turn={row.turn} renderLink={link} />
                  <div style={{ marginTop: 6, display: 'flex', gap: 8 }}>
                    <Button size="mini" color={row.turn.rating === 1 ? 'primary' : 'default'} onClick={() => void rate(row.turn!, 1)}>
                      有用
                    </Button>
                    <Button size="mini" color={row.turn.rating === -1 ? 'danger' : 'default'} onClick={() => void rate(row.turn!, -1)}>
                      没用
                    </Button>
                  </div>
                </>
              ) : null}
            </div>
          </div>
        ))}
        {askChannels && profile ? (
          <div style={{ background: '#fffbe6', borderRadius: 8, padding: 12 }}>
            <div style={{ marginBottom: 8 }}>您在哪些平台销售？告诉我以后，回答会更贴合您的渠道。</div>
            <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])}>
              {profile.channel_choices.map((c) => (
                <Checkbox key={c.value} value={c.value} style={{ marginRight: 12, marginBottom: 6 }}>
                  {c.label}
                </Checkbox>
              ))}
            </Checkbox.Group>
            <Button size="small" color="primary" disabled={!picked.length} onClick={() => void saveChannels()}>
              保存
            </Button>
          </div>
        ) : null}
        <div ref={end} />
      </div>
      <div style={{ display: 'flex', gap: 8, padding: '8px 12px calc(8px + env(safe-area-inset-bottom))', background: '#fff', borderTop: '1px solid #eee' }}>
        <TextArea value={value} onChange={setValue} placeholder="输入您的问题" autoSize={{ minRows: 1, maxRows: 3 }} style={{ flex: 1 }} />
        <Button color="primary" loading={busy} disabled={!value.trim()} onClick={() => void ask(value)}>
          发送
        </Button>
      </div>
    </div>
  );
}
