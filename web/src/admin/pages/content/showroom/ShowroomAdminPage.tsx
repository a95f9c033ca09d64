/** SA 商品管理 (`/admin/content/showroom`): products, the category tree with attributes, tags. `?id=` opens a
 * product (the links of the review to-dos). */
import { Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import type { CategoryNode, TagOut } from '@/shared/showroom/showroom';
import { CategoriesTab } from './CategoriesTab';
import { ProductsTab } from './ProductsTab';
import { TagsTab } from './TagsTab';

export default function ShowroomAdminPage() {
  const { api } = useMe();
  const [params] = useSearchParams();
  const [tree, setTree] = useState<CategoryNode[]>([]);
  const [tags, setTags] = useState<TagOut[]>([]);
  const [tab, setTab] = useState(params.get('tab') ?? 'products');
  const load = useCallback(async () => {
    const [t, g] = await Promise.all([unwrap(api.client.GET('/api/v1/admin/showroom/categories')), unwrap(api.client.GET('/api/v1/admin/showroom/tags'))]);
    setTree(t);
    setTags(g);
  }, [api]);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <PageHeading admin home="工作台" subtitle="交易平台的商品、分类与属性、标签；审核商户提交的商品。" />
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'products', label: '商品', children: <ProductsTab tree={tree} tags={tags} focus={Number(params.get('id')) || null} /> },
          { key: 'categories', label: '分类与属性', children: <CategoriesTab tree={tree} onChanged={load} /> },
          { key: 'tags', label: '标签', children: <TagsTab tags={tags} onChanged={load} /> },
        ]}
      />
    </>
  );
}
