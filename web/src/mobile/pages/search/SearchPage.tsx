/** H5 global search: the server answers while the person types; recent searches on an empty box. */
import { ClockCircleOutlined, DeleteOutlined, LockOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { DotLoading, ErrorBlock, NavBar, SearchBar, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ModuleIcon } from '@/shared/catalogVisuals';
import { Highlighted } from '@/shared/components/Highlighted';
import { errorMessage, unwrap } from '@/shared/errors';
import { clearRecentSearches, recentSearches, rememberSearch, type SearchHit, type SearchResult } from '@/shared/search';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import './search.css';

const SURFACE = 'h5';
const DEBOUNCE_MS = 150;

export default function SearchPage() {
  const { api } = useMe();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<string[]>(() => recentSearches(SURFACE));
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
      unwrap(api.client.GET('/api/v1/search', { params: { query: { q: text } } }))
        .then((data) => {
          if (ticket !== latest.current) return;
          setResult(data);
          setError(null);
        })
        .catch((e: unknown) => ticket === latest.current && setError(errorMessage(e)))
        .finally(() => ticket === latest.current && setLoading(false));
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [api, query]);

  const open = (hit: SearchHit) => {
    setRecent(rememberSearch(SURFACE, query));
    if (!hit.enabled) {
      Toast.show({ content: hit.disabled_reason || '暂不可用' });
      return;
    }
    navigate(hit.mobile_route);
  };

  const firstHit = result?.groups[0]?.hits[0];

  return (
    <div className="m-search">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} style={{ background: '#fff' }}>
        搜索
      </NavBar>
      <div className="m-search__bar">
        <SearchBar
          placeholder="服务、订单号、清单号、运单号"
          value={query}
          onChange={setQuery}
          onSearch={() => (firstHit ? open(firstHit) : undefined)}
          autoFocus
          aria-label="全局搜索"
        />
      </div>

      {!query.trim() ? (
        recent.length ? (
          <section className="m-search__recent">
            <div className="m-search__head">
              <span>最近搜索</span>
              <button
                type="button"
                className="m-search__clear"
                aria-label="清空最近搜索"
                onClick={() => {
                  clearRecentSearches(SURFACE);
                  setRecent([]);
                }}
              >
                <DeleteOutlined />
              </button>
            </div>
            <div className="m-search__chips">
              {recent.map((q) => (
                <button type="button" key={q} className="m-search__chip" onClick={() => setQuery(q)}>
                  <ClockCircleOutlined /> {q}
                </button>
              ))}
            </div>
          </section>
        ) : (
          <MobileEmpty icon={<SearchOutlined />} title="搜索服务与业务单据" hint="支持拼音与首字母，如 gszc、tuishui；也可输入订单号、清单号片段" />
        )
      ) : error ? (
        <ErrorBlock status="default" title="搜索暂时不可用" description={error} />
      ) : loading && !result ? (
        <div className="m-search__loading">
          <DotLoading /> 搜索中
        </div>
      ) : result && result.groups.length === 0 ? (
        <MobileEmpty icon={<SearchOutlined />} title="没有找到相关服务或单据" hint="换个关键词试试，或输入完整的编号" />
      ) : (
        result?.groups.map((group) => (
          <section key={group.key} className="m-search__group">
            <div className="m-search__head">{group.title}</div>
            {group.hits.map((hit, i) => (
              <div key={i} className="m-search__card">
                <button type="button" className="m-search__hit" onClick={() => open(hit)} data-disabled={!hit.enabled}>
                  {hit.icon ? (
                    <span className="m-search__icon">
                      <ModuleIcon icon={hit.icon} />
                    </span>
                  ) : null}
                  <span className="m-search__text">
                    <span className="m-search__title">
                      <Highlighted text={hit.title} spans={hit.highlights} />
                    </span>
                    {hit.subtitle ? (
                      <span className="m-search__sub">
                        <Highlighted text={hit.subtitle} spans={hit.subtitle_highlights} />
                      </span>
                    ) : null}
                  </span>
                  {hit.enabled ? <RightOutlined className="m-search__go" /> : <span className="m-search__lock"><LockOutlined /> {hit.disabled_reason}</span>}
                </button>
                {hit.children.map((child, j) => (
                  <button type="button" key={j} className="m-search__child" onClick={() => open(child)} data-disabled={!child.enabled}>
                    <span>
                      <Highlighted text={child.title} spans={child.highlights} />
                    </span>
                    {child.enabled ? null : <span className="m-search__lock">{child.disabled_reason}</span>}
                  </button>
                ))}
              </div>
            ))}
          </section>
        ))
      )}
    </div>
  );
}
