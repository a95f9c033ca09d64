/**
 * antd's and pro-components' CSS-in-JS styles rendered once at build time, for the merchant PC and the back office.
 *
 * Run by the `jmt-antd-static-style` plugin in vite.config.ts (bundled with esbuild, loaded in Node). Every component
 * is rendered with `renderToString` inside the surface's own ConfigProvider theme and ProLayout tokens, and
 * `@ant-design/cssinjs`'s `extractStyle` turns the cache into one stylesheet, ending with the
 * `.data-ant-cssinjs-cache-path` rule that lists each style's cache path. Loaded from a CSS file, that rule tells
 * cssinjs in the browser that these styles are already on the page: it neither generates nor injects them (the
 * first render of the PC home spent ~150 ms inserting ~100 `<style>` tags). A style the file lacks (another theme,
 * e.g. 「减弱动态效果」, or a component not rendered here) is generated and injected at run time as before.
 */
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import {
  EditableProTable,
  PageContainer,
  ProCard,
  ProDescriptions,
  ProForm,
  ProFormDateRangePicker,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  ProLayout,
  ProTable,
  QueryFilter,
  StatisticCard,
} from '@ant-design/pro-components';
import * as antd from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ComponentType, ReactNode } from 'react';
import { Fragment } from 'react';
import { renderToString } from 'react-dom/server';
import { layoutToken } from '../src/shared/layoutTokens';
import { antdTheme } from '../src/shared/theme';

type Surface = keyof typeof layoutToken;

/** Components needing props to draw at all, or drawing part of their styles only with some props. */
const special: Record<string, (component: ComponentType<Record<string, unknown>>) => ReactNode> = {
  Affix: (Affix) => (
    <Affix>
      <div />
    </Affix>
  ),
  ConfigProvider: () => null,
  Dropdown: (Dropdown) => (
    <Dropdown menu={{ items: [] }}>
      <div />
    </Dropdown>
  ),
  Grid: () => null,
  Menu: (Menu) => <Menu items={[{ key: 'a', label: 'a' }]} />,
  QRCode: (QRCode) => <QRCode value="jmt" />,
  // Status colours (success, processing…) and preset colours (blue, green…) are two more style sets.
  Tag: () => (
    <>
      <antd.Tag color="success" />
      <antd.Tag color="blue" />
    </>
  ),
  Tree: (Tree) => <Tree treeData={[]} />,
};

/** Pop-ups: drawn closed, then their panel inline (a closed pop-up draws nothing on the server, but registers). */
const panels: Record<string, ReactNode> = {
  Drawer: <antd.Drawer._InternalPanelDoNotUseOrYouWillBeFired />,
  Modal: <antd.Modal._InternalPanelDoNotUseOrYouWillBeFired />,
  Popconfirm: <antd.Popconfirm._InternalPanelDoNotUseOrYouWillBeFired title="t" />,
  Popover: <antd.Popover._InternalPanelDoNotUseOrYouWillBeFired content="c" />,
  Tooltip: <antd.Tooltip._InternalPanelDoNotUseOrYouWillBeFired title="t" />,
};

function antdComponents(names: readonly string[]): ReactNode {
  const exports = antd as unknown as Record<string, ComponentType<Record<string, unknown>> | undefined>;
  return names
    .filter((name) => /^[A-Z]/.test(name) && exports[name])
    .map((name) => {
      const Component = exports[name]!;
      return (
        <Fragment key={name}>
          {special[name] ? special[name](Component) : <Component />}
          {panels[name]}
        </Fragment>
      );
    });
}

/** What the layouts' header (search, bell, account menu) and sider (menu, footer) draw. */
const HEADER = ['AutoComplete', 'Avatar', 'Badge', 'Button', 'Dropdown', 'Input', 'Select', 'Skeleton', 'Tooltip'];
const SIDER = ['Avatar', 'Skeleton', 'Tooltip'];

function proComponents(surface: Surface): ReactNode {
  const columns = [
    { title: '名称', dataIndex: 'name' },
    { title: '状态', dataIndex: 'status', valueEnum: { a: { text: '正常', status: 'Success' } } },
    { title: '日期', dataIndex: 'date', valueType: 'dateRange' as const },
  ];
  return (
    <ProLayout
      layout="mix"
      fixSiderbar
      fixedHeader
      title="晶贸通"
      location={{ pathname: '/' }}
      route={{ path: '/', children: [{ path: '/', name: '首页' }, { path: '/a', name: 'A', children: [{ path: '/a/b', name: 'B' }] }] }}
      token={layoutToken[surface]}
      avatarProps={{ title: 'u', size: 'small' }}
      // The header and the sider draw antd components under their own tokens (a separate cache key each).
      actionsRender={() => [<Fragment key="header">{antdComponents(HEADER)}</Fragment>]}
      menuFooterRender={() => antdComponents(SIDER)}
    >
      <PageContainer title="t">
        <ProCard title="t">c</ProCard>
        <StatisticCard statistic={{ title: 't', value: 1 }} />
        <ProTable rowKey="name" columns={columns} dataSource={[{ name: 'n', status: 'a' }]} search={{}} rowSelection={{}} />
        <EditableProTable rowKey="name" columns={columns} value={[{ name: 'n', status: 'a' }]} />
        <ProForm>
          <ProFormText name="a" label="a" />
          <ProFormTextArea name="b" label="b" />
          <ProFormSelect name="c" label="c" options={[{ label: 'x', value: 'x' }]} />
          <ProFormSwitch name="d" label="d" />
          <ProFormDigit name="e" label="e" />
          <ProFormRadio.Group name="f" label="f" options={['x']} />
          <ProFormDateRangePicker name="g" label="g" />
        </ProForm>
        <QueryFilter>
          <ProFormText name="a" label="a" />
        </QueryFilter>
        <ProDescriptions column={2} dataSource={{ name: 'n' }} columns={columns} />
      </PageContainer>
    </ProLayout>
  );
}

/**
 * The stylesheet (with its cache-path rule) for one desktop surface: the antd components named (those the surface's
 * code imports) and the pro-components it draws.
 */
export function extractSurfaceStyle(surface: Surface, antdNames: readonly string[]): string {
  const cache = createCache();
  renderToString(
    <StyleProvider cache={cache}>
      <antd.ConfigProvider locale={zhCN} theme={antdTheme}>
        <antd.App>
          {antdComponents(antdNames)}
          {proComponents(surface)}
        </antd.App>
      </antd.ConfigProvider>
    </StyleProvider>,
  );
  return extractStyle(cache, { plain: true });
}
