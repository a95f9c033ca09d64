import { describe, expect, it } from 'vitest';
import { ApiFailure, errorHint, errorMessage, fieldErrors, formatWait, retryAfter, toFailure, unwrap } from './errors';

const failure = (code: string, status: number, message = '', details: Record<string, unknown> = {}) =>
  new ApiFailure({ code, status, message, details });

describe('errorMessage', () => {
  it("shows the server's Chinese message", () => {
    expect(errorMessage(failure('SMS_CODE_EXPIRED', 400, '验证码已失效，请重新获取'))).toBe('验证码已失效，请重新获取');
  });

  it('falls back per code when the message is missing or not Chinese', () => {
    expect(errorMessage(failure('SMS_CODE_INVALID', 400))).toBe('验证码不正确，请重新输入');
    expect(errorMessage(failure('NOT_FOUND', 404, 'Not Found'))).toBe('未找到该记录，或您无权查看');
    expect(errorMessage(failure('NOT_STAFF_ACCOUNT', 403))).toBe('该账号不是后台账号');
  });

  it('falls back per status for unknown codes, and says so for network failures', () => {
    expect(errorMessage(failure('HTTP_502', 502))).toBe('服务暂时不可用，请稍后重试');
    expect(errorMessage(failure('WHATEVER', 599))).toBe('服务器开小差了，请稍后重试');
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('网络连接失败，请检查网络后重试');
    expect(errorMessage(failure('WHATEVER', 418))).toBe('操作失败，请稍后重试');
  });

  it('adds the wait from details.retry_after, unless the message already says it', () => {
    expect(errorMessage(failure('SMS_RATE_LIMITED', 429, '', { retry_after: 42 }))).toBe('验证码发送太频繁，请 42 秒后再试');
    expect(errorMessage(failure('SMS_RATE_LIMITED', 429, '验证码已发送，请 42 秒后再试', { retry_after: 42 }))).toBe('验证码已发送，请 42 秒后再试');
    expect(errorMessage(failure('ACCOUNT_LOCKED', 423, '', { retry_after: 840 }))).toBe('账号已被临时锁定，请 14 分钟后再试');
  });

  it('adds remaining attempts for a failed password login', () => {
    expect(errorMessage(failure('LOGIN_FAILED', 401, '账号或密码错误', { remaining_attempts: 3 }))).toBe(
      '账号或密码错误，还可尝试 3 次，多次失败后账号将被临时锁定',
    );
    expect(errorMessage(failure('LOGIN_FAILED', 401, '账号或密码错误，还可尝试 3 次', { remaining_attempts: 3 }))).toBe('账号或密码错误，还可尝试 3 次');
    expect(errorHint(failure('LOGIN_FAILED', 401, '', { remaining_attempts: 0 }))).toBe('再次失败账号将被临时锁定');
  });
});

describe('helpers', () => {
  it('formats waits in seconds, minutes and hours', () => {
    expect(formatWait(59)).toBe('59 秒');
    expect(formatWait(61)).toBe('2 分钟');
    expect(formatWait(3601)).toBe('2 小时');
  });

  it('reads retry_after as whole seconds, ignoring junk', () => {
    expect(retryAfter(failure('X', 429, '', { retry_after: 41.2 }))).toBe(42);
    expect(retryAfter(failure('X', 429, '', { retry_after: '30' }))).toBe(30);
    expect(retryAfter(failure('X', 429, '', { retry_after: 'soon' }))).toBeNull();
    expect(retryAfter(failure('X', 429))).toBeNull();
  });

  it('turns details.fields into form field errors (object and list forms)', () => {
    expect(fieldErrors(failure('VALIDATION_ERROR', 422, '', { fields: { phone: '手机号格式不正确' } }))).toEqual([
      { name: 'phone', errors: ['手机号格式不正确'] },
    ]);
    expect(fieldErrors(failure('VALIDATION_ERROR', 422, '', { fields: [{ loc: ['body', 'code'], msg: '必填' }] }))).toEqual([
      { name: 'code', errors: ['必填'] },
    ]);
    expect(fieldErrors(failure('X', 400))).toEqual([]);
  });

  it('builds failures from server bodies and foreign bodies', () => {
    const f = toFailure({ code: 'PHONE_INVALID', message: '手机号不对', details: { fields: {} } }, 422);
    expect([f.code, f.status, f.serverMessage]).toEqual(['PHONE_INVALID', 422, '手机号不对']);
    expect(toFailure('<html>bad gateway</html>', 502).code).toBe('HTTP_502');
  });

  it('unwraps data or throws an ApiFailure', async () => {
    const ok = { data: { a: 1 }, response: new Response(null, { status: 200 }) };
    await expect(unwrap(Promise.resolve(ok))).resolves.toEqual({ a: 1 });
    const bad = { error: { code: 'SMS_CODE_INVALID', message: '验证码错误，还可尝试 4 次', details: { remaining_attempts: 4 } }, response: new Response(null, { status: 400 }) };
    await expect(unwrap(Promise.resolve(bad))).rejects.toMatchObject({ code: 'SMS_CODE_INVALID', status: 400 });
    await expect(unwrap(Promise.reject(new TypeError('Failed to fetch')))).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});
