/** S2 分类页 (`/showroom/categories/:categoryId`; without an id, the first top-level category). */
import { Empty, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import { unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { ShowroomBrowser } from './ShowroomBrowser';

export default function CategoryPage() {
  const { categoryId } = useParams();
  const { api } = useMe();
  const [first, setFirst] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    if (categoryId) return;
    unwrap(api.client.GET('/api/v1/showroom/categories'))
      .then((tree) => setFirst(tree[0]?.id ?? null))
      .catch(() => setFirst(null));
  }, [api, categoryId]);
  if (categoryId) return <ShowroomBrowser key={categoryId} categoryId={Number(categoryId)} />;
  if (first === undefined) return <Skeleton active />;
  if (first === null) return <Empty description="还没有商品分类" />;
  return <Navigate to={`/showroom/categories/${first}`} replace />;
}
