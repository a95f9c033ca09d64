/**
 * The one place that turns a server refusal `{code, message, details}` into what a person reads.
 * The server's Chinese message wins; a Chinese fallback per code covers a missing or non-Chinese
 * message; details add what the person can act on (seconds to wait, attempts left).
 */

export interface ServerError {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export const ERROR_FALLBACKS: Record<string, string> = {
  // common
  VALIDATION_ERROR: '提交的数据有误，请检查标红的字段',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  TOKEN_INVALID: '登录凭证无效，请重新登录',
  PERMISSION_DENIED: '您没有执行此操作的权限',
  NOT_FOUND: '未找到该记录，或您无权查看',
  METHOD_NOT_ALLOWED: '不支持该请求方式',
  INTERNAL_ERROR: '服务器开小差了，请稍后重试',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  // auth
  PHONE_INVALID: '请输入正确的 11 位手机号',
  SMS_RATE_LIMITED: '验证码发送太频繁，请稍后再试',
  SMS_CODE_INVALID: '验证码不正确，请重新输入',
  SMS_CODE_EXPIRED: '验证码已过期，请重新获取',
  SMS_CODE_ATTEMPTS_EXCEEDED: '验证码错误次数过多，请重新获取',
  REFRESH_TOKEN_INVALID: '登录已失效，请重新登录',
  REFRESH_TOKEN_REUSED: '账号已在别处刷新登录，请重新登录',
  LOGIN_FAILED: '用户名或密码错误',
  ACCOUNT_LOCKED: '账号已被临时锁定，请稍后再试',
  WECHAT_NOT_BOUND: '该微信尚未绑定账号，请使用手机号登录完成绑定',
  WECHAT_STATE_INVALID: '微信授权已失效，请重新扫码',
  SMS_SEND_FAILED: '短信发送失败，请稍后重试',
  ACCOUNT_DISABLED: '该账号已停用，请联系捷晶管理员',
  NOT_STAFF_ACCOUNT: '该账号不是后台账号',
  WECHAT_AUTH_FAILED: '微信授权失败，请重新尝试',
  WECHAT_BIND_TICKET_INVALID: '微信绑定已过期，请重新扫码',
  WECHAT_ALREADY_BOUND: '该微信已绑定其他账号',
  // 我的
  PROFILE_INVALID: '个人信息有误，请按提示修改',
  PHONE_SAME: '新手机号与当前手机号相同',
  PHONE_TAKEN: '该手机号已注册其他账号，不能换绑',
  PHONE_NOT_SET: '当前账号未绑定手机号',
  WECHAT_NOT_LINKED: '当前账号未绑定微信',
  WECHAT_LAST_SIGN_IN: '微信是该账号唯一的登录方式，不能解绑',
  MEMBER_EXISTS: '该手机号已是本商户成员',
  MEMBER_LAST_ADMIN: '商户至少要保留一位管理员',
  MERCHANT_PROFILE_INVALID: '商户信息有误，请按提示修改',
  MERCHANT_PROFILE_LOCKED: '执照相关信息如需修改请联系捷晶管理员',
  MERCHANT_PROFILE_STAFF_ONLY: '该信息由捷晶管理员维护',
};

const STATUS_FALLBACKS: Record<number, string> = {
  400: '请求有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '您没有执行此操作的权限',
  404: '未找到该记录，或您无权查看',
  409: '操作冲突，请刷新后重试',
  413: '文件太大，请压缩后重试',
  422: '提交的数据有误，请检查后重试',
  423: '账号已被临时锁定，请稍后再试',
  429: '操作太频繁，请稍后再试',
  500: '服务器开小差了，请稍后重试',
  502: '服务暂时不可用，请稍后重试',
  503: '服务暂时不可用，请稍后重试',
  504: '服务响应超时，请稍后重试',
};

const HAS_CHINESE = /[\u3400-\u9fff]/;

/** A failed API call, thrown by `unwrap`. */
export class ApiFailure extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly serverMessage: string;

  constructor(init: { code: string; status: number; message?: string; details?: Record<string, unknown> }) {
    super(init.message || init.code);
    this.name = 'ApiFailure';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? {};
    this.serverMessage = init.message ?? '';
  }
}

function isServerError(value: unknown): value is ServerError {
  return typeof value === 'object' && value !== null && typeof (value as ServerError).code === 'string';
}

/** Builds an ApiFailure from what openapi-fetch returned (`error` body and the `Response`). */
export function toFailure(error: unknown, status = 0): ApiFailure {
  if (error instanceof ApiFailure) return error;
  if (isServerError(error)) {
    const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
    return new ApiFailure({ code: error.code, status, message: error.message, details });
  }
  if (status === 0 || error instanceof TypeError) return new ApiFailure({ code: 'NETWORK_ERROR', status: 0 });
  // A body that is not ours (a proxy's HTML page, Ninja's {"detail": ...}).
  return new ApiFailure({ code: `HTTP_${status}`, status });
}

function asSeconds(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.ceil(n) : null;
}

/** "90 秒" / "3 分钟" / "2 小时" for a wait. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} 分钟`;
  return `${Math.ceil(seconds / 3600)} 小时`;
}

/** Seconds the person must wait before trying again, when the server said so. */
export function retryAfter(failure: ApiFailure): number | null {
  return asSeconds(failure.details.retry_after);
}

/** What the person can do about it, from `details`; null when details say nothing useful. */
export function errorHint(failure: ApiFailure): string | null {
  const wait = retryAfter(failure);
  switch (failure.code) {
    case 'LOGIN_FAILED': {
      const left = asSeconds(failure.details.remaining_attempts);
      if (left === null) return null;
      return left > 0 ? `还可尝试 ${left} 次，多次失败后账号将被临时锁定` : '再次失败账号将被临时锁定';
    }
    default:
      return wait !== null && wait > 0 ? `请 ${formatWait(wait)}后再试` : null;
  }
}

/** The message to show for any error value (ApiFailure, server body, network error, anything). */
export function errorMessage(error: unknown, status?: number): string {
  const failure = error instanceof ApiFailure ? error : toFailure(error, status ?? 0);
  const base =
    failure.serverMessage && HAS_CHINESE.test(failure.serverMessage)
      ? failure.serverMessage
      : ERROR_FALLBACKS[failure.code] ?? STATUS_FALLBACKS[failure.status] ?? (failure.status >= 500 ? STATUS_FALLBACKS[500] : '操作失败，请稍后重试');
  const hint = errorHint(failure);
  if (!hint) return base;
  const numbers = hint.match(/\d+/g) ?? [];
  // The server message may already carry the figure ("请 60 秒后再试"): do not say it twice.
  if (numbers.length > 0 && numbers.every((n) => base.includes(n))) return base;
  const trimmed = base.replace(/[。.]$/, '');
  if (trimmed.endsWith('请稍后再试')) return trimmed.slice(0, -'请稍后再试'.length) + hint;
  return `${trimmed}，${hint}`;
}

/** Server validation errors (422 `details.fields`) as antd Form field errors. */
export function fieldErrors(failure: ApiFailure): { name: string; errors: string[] }[] {
  const fields = failure.details.fields;
  if (Array.isArray(fields)) {
    return fields
      .filter((f): f is { field?: string; name?: string; loc?: unknown[]; message?: string; msg?: string } => typeof f === 'object' && f !== null)
      .map((f) => ({
        name: String(f.field ?? f.name ?? (Array.isArray(f.loc) ? f.loc[f.loc.length - 1] : '')),
        errors: [String(f.message ?? f.msg ?? '')],
      }))
      .filter((f) => f.name);
  }
  if (typeof fields === 'object' && fields !== null) {
    return Object.entries(fields as Record<string, unknown>).map(([name, value]) => ({
      name,
      errors: (Array.isArray(value) ? value : [value]).map(String),
    }));
  }
  return [];
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiFailure. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw toFailure(error, 0);
  }
  if (result.response.ok) return result.data as T;
  throw toFailure(result.error, result.response.status);
}
