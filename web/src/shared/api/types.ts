/**
 * Convenience names for the shapes of the generated client. They are read from the operations'
 * responses (not from component names) so they survive a rename of a schema on the server.
 */
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

export type TokenPair = JsonOf<paths['/api/v1/auth/sms/login']['post']['responses'][200]>;
export type Me = JsonOf<paths['/api/v1/me']['get']['responses'][200]>;
export type MeUser = Me['user'];
export type MeMerchant = NonNullable<Me['merchant']>;
export type Membership = Me['memberships'][number];
export type CatalogModule = Me['catalog'][number];
export type CatalogItem = CatalogModule['items'][number];
export type Home = JsonOf<paths['/api/v1/home']['get']['responses'][200]>;
export type WechatQr = JsonOf<paths['/api/v1/auth/wechat/qr']['get']['responses'][200]>;
export type SmsSent = JsonOf<paths['/api/v1/auth/sms/send']['post']['responses'][200]>;
export type PersonalProfile = JsonOf<paths['/api/v1/me/profile']['get']['responses'][200]>;
export type MerchantProfile = JsonOf<paths['/api/v1/merchant']['get']['responses'][200]>;
export type MerchantProfileField = MerchantProfile['fields'][number];
export type MerchantMember = JsonOf<paths['/api/v1/merchant/members']['get']['responses'][200]>[number];
export type MyOperationLogPage = JsonOf<paths['/api/v1/me/operation-logs']['get']['responses'][200]>;
export type AdminMerchantRow = JsonOf<paths['/api/v1/admin/merchants']['get']['responses'][200]>['items'][number];
export type AdminMerchant = JsonOf<paths['/api/v1/admin/merchants/{merchant_id}']['get']['responses'][200]>;
