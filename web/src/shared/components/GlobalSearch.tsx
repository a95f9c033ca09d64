import { ClockCircleOutlined, LockOutlined, SearchOutlined } from '@ant-design/icons';
import { App, AutoComplete, Empty, Input, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ModuleIcon } from '../catalogVisuals';
import { Highlighted } from './Highlighted';
import {
  flattenGroups,
  recentSearches,
  rememberSearch,
  type SearchHit,
  type SearchResult,
} from '../search';

const DEBOUNCE_MS = 150;

function HitLabel({ hit, nested }: { hit: SearchHit; nested: boolean }) {
  return (
    <span
      style={{ display: 'flex', alignItems: 'center', gap: 8, paddingLeft: nested ? 22 : 0, opacity: hit.enabled ? 1 : 0.6 }}
      title={hit.enabled ? undefined : hit.disabled_reason}
    >
      {hit.icon ? <ModuleIcon icon={hit.icon} /> : null}
      <span style={{ minWidth: 0, flex: 1, overflow: 'hidden', textOverflow: 'ellipsis' }}>
        <Highlighted text={hit.title} spans={hit.highlights} />
        {hit.subtitle && !nested ? (
          <span style={{ color: '#8a90a3', fontSize: 12, marginLeft: 8 }}>
            <Highlighted text={hit.subtitle} spans={hit.subtitle_highlights} />
          </span>
        ) : null}
      </span>
      {!hit.enabled ? (
        <span style={{ color: '#a3a8b8', fontSize: 12, whiteSpace: 'nowrap' }}>
          <LockOutlined /> {hit.disabled_reason}
        </span>
      ) : null}
    </span>
  );
}

/**
 * The header search box of PC and the back office: the server answers while the user types;
 * arrow keys move through the hits, Enter opens one; recent searches show on an empty box.
 */
export function GlobalSearch({
  search,
  onOpen,
  surface,
  width = 280,
  placeholder = '搜索服务、订单号、清单号…',
}: {
  search: (q: string) => Promise<SearchResult>;
  onOpen: (route: string) => void;
  surface: string;
  width?: number;
  placeholder?: string;
}) {
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [recent, setRecent] = useState<string[]>(() => recentSearches(surface));
  const latest = useRef(0);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setResult(null);
      setLoading(false);
      return undefined;
    }
    const ticket = ++latest.current;
    setLoading(true);
    const timer = window.setTimeout(() => {
      search(text)
        .then((data) => {
          if (ticket !== latest.current) return;
          setResult(data);
          setFailed(false);
        })
        .catch(() => ticket === latest.current && setFailed(true))
        .finally(() => ticket === latest.current && setLoading(false));
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, search]);

  const entries = useMemo(() => flattenGroups(result?.groups ?? []), [result]);
  const byKey = useMemo(() => new Map(entries.map((e) => [e.key, e])), [entries]);

  const options = query.trim()
    ? (result?.groups ?? []).map((group) => ({
        key: group.key,
        label: <span style={{ color: '#6b7185' }}>{group.title}</span>,
        options: entries
          .filter((e) => e.group.key === group.key)
          .map((e) => ({ value: e.key, label: <HitLabel hit={e.hit} nested={e.parent !== null} /> })),
      }))
    : recent.length
      ? [
          {
            key: 'recent',
            label: <span style={{ color: '#6b7185' }}>最近搜索</span>,
            options: recent.map((q) => ({
              value: `recent:${q}`,
              label: (
                <span>
                  <ClockCircleOutlined style={{ color: '#a3a8b8', marginRight: 8 }} />
                  {q}
                </span>
              ),
            })),
          },
        ]
      : [];

  const notFound = query.trim() ? (
    loading ? (
      <div style={{ padding: 12, textAlign: 'center' }}>
        <Spin size="small" /> <span style={{ color: '#8a90a3', marginLeft: 6 }}>搜索中…</span>
      </div>
    ) : failed ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="搜索暂时不可用，请稍后重试" />
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到相关服务或单据" />
    )
  ) : null;

  return (
    <AutoComplete
      style={{ width }}
      value={query}
      options={options}
      onSearch={setQuery}
      popupMatchSelectWidth={420}
      defaultActiveFirstOption
      notFoundContent={notFound}
      onSelect={(value: string) => {
        if (value.startsWith('recent:')) {
          setQuery(value.slice('recent:'.length));
          return;
        }
        const entry = byKey.get(value);
        setRecent(rememberSearch(surface, query));
        setQuery('');
        if (!entry) return;
        if (!entry.hit.enabled) {
          message.warning(entry.hit.disabled_reason || '暂不可用');
          return;
        }
        onOpen(entry.hit.route);
      }}
    >
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: '#9aa0b4' }} />}
        placeholder={placeholder}
        aria-label="全局搜索"
        style={{ borderRadius: 999 }}
      />
    </AutoComplete>
  );
}
