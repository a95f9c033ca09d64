/** S1 商品展厅 (`/showroom`). */
import { ShowroomBrowser } from './ShowroomBrowser';

export default function ShowroomPage() {
  return <ShowroomBrowser categoryId={null} />;
}
