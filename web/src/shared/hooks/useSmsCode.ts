import { useCallback, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { SmsSent } from '../api/types';
import { ApiFailure, errorMessage, retryAfter, unwrap } from '../errors';
import { useCountdown } from './useCountdown';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const DEFAULT_COOLDOWN = 60;

export type SendResult = { ok: true } | { ok: false; message: string };

/** Sending a login code: the 60 s resend countdown, and the server's `retry_after` on 429. */
export function useSmsCode(client: ApiClient) {
  const countdown = useCountdown();
  const [sending, setSending] = useState(false);
  const { start } = countdown;

  const send = useCallback(
    async (phone: string): Promise<SendResult> => {
      if (!PHONE_PATTERN.test(phone)) return { ok: false, message: '请输入正确的 11 位手机号' };
      setSending(true);
      try {
        const sent = await unwrap(client.POST('/api/v1/auth/sms/send', { body: { phone, scene: 'login' } }));
        start(sent.cooldown_seconds || DEFAULT_COOLDOWN);
        return { ok: true };
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 429) {
          start(retryAfter(error) ?? DEFAULT_COOLDOWN);
        }
        return { ok: false, message: errorMessage(error) };
      } finally {
        setSending(false);
      }
    },
    [client, start],
  );

  const label = countdown.running ? `${countdown.remaining} 秒后重发` : '获取验证码';
  return { send, sending, countdown, label, disabled: sending || countdown.running };
}

/** The same countdown and 429 handling for any code-sending call (e.g. 更换手机号 to the old and the new number). */
export function useSmsCodeWith<A extends unknown[]>(request: (...args: A) => Promise<SmsSent>) {
  const countdown = useCountdown();
  const [sending, setSending] = useState(false);
  const { start } = countdown;

  const send = useCallback(
    async (...args: A): Promise<SendResult> => {
      setSending(true);
      try {
        const sent = await request(...args);
        start(sent.cooldown_seconds || DEFAULT_COOLDOWN);
        return { ok: true };
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 429) {
          start(retryAfter(error) ?? DEFAULT_COOLDOWN);
        }
        return { ok: false, message: errorMessage(error) };
      } finally {
        setSending(false);
      }
    },
    [request, start],
  );

  const label = countdown.running ? `${countdown.remaining} 秒后重发` : '获取验证码';
  return { send, sending, countdown, label, disabled: sending || countdown.running };
}
