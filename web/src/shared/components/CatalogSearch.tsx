import { LockOutlined, SearchOutlined } from '@ant-design/icons';
import { App, AutoComplete, Empty, Input } from 'antd';
import { useMemo, useState } from 'react';
import type { Access } from '../access';
import type { CatalogModule } from '../api/types';
import { searchCatalog, splitHighlight } from '../catalogSearch';
import { ModuleIcon } from '../catalogVisuals';

function Highlight({ text, query }: { text: string; query: string }) {
  return (
    <>
      {splitHighlight(text, query).map((part, i) =>
        part.hit ? (
          <mark key={i} style={{ background: '#fff3b0', color: '#d46b08', padding: 0, borderRadius: 2 }}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** The header search box: modules and items of a catalog, results while typing. */
export function CatalogSearch({
  modules,
  access,
  onOpen,
  width = 280,
}: {
  modules: readonly CatalogModule[];
  access: Access;
  onOpen: (route: string) => void;
  width?: number;
}) {
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchCatalog(modules, query), [modules, query]);

  const targets = new Map<string, { route: string; gate: { ok: boolean; reason: string | null } }>();
  const options = hits.map(({ module, items }) => {
    const gate = access.moduleGate(module);
    targets.set(`module:${module.key}`, { route: module.route, gate });
    for (const item of items) targets.set(`item:${module.key}:${item.key}`, { route: item.route, gate: access.itemGate(module, item) });
    return {
      key: module.key,
      label: (
        <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <ModuleIcon icon={module.icon} />
          <Highlight text={module.title} query={query} />
          {!gate.ok ? <LockOutlined style={{ color: '#a3a8b8' }} /> : null}
        </span>
      ),
      options: [
        { value: `module:${module.key}`, label: <span style={{ color: '#6b7185' }}>进入「{module.title}」</span> },
        ...items.map((item) => {
          const itemGate = access.itemGate(module, item);
          return {
            value: `item:${module.key}:${item.key}`,
            label: (
              <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8, opacity: itemGate.ok ? 1 : 0.55 }}>
                <span>
                  <Highlight text={item.title} query={query} />
                </span>
              </span>
            ),
          };
        }),
      ],
    };
  });

  return (
    <AutoComplete
      style={{ width }}
      value={query}
      options={options}
      onSearch={setQuery}
      popupMatchSelectWidth={360}
      notFoundContent={query.trim() ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到相关服务" /> : null}
      onSelect={(value: string) => {
        setQuery('');
        const target = targets.get(value);
        if (!target) return;
        if (!target.gate.ok) {
          message.warning(target.gate.reason ?? '暂不可用');
          return;
        }
        onOpen(target.route);
      }}
    >
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: '#9aa0b4' }} />}
        placeholder="搜索服务、功能…"
        aria-label="全局搜索"
        style={{ borderRadius: 999 }}
      />
    </AutoComplete>
  );
}
