import { describe, expect, it } from 'vitest';
import { greeting, registrationLabel } from './greeting';

describe('greeting', () => {
  it('greets by the hour', () => {
    expect(greeting(new Date(2025, 0, 1, 8))).toBe('早上好');
    expect(greeting(new Date(2025, 0, 1, 12))).toBe('中午好');
    expect(greeting(new Date(2025, 0, 1, 15))).toBe('下午好');
    expect(greeting(new Date(2025, 0, 1, 23))).toBe('晚上好');
  });

  it('labels the registration state, trusting the approved flag first', () => {
    expect(registrationLabel('whatever', true)?.text).toBe('工商注册已核准');
    expect(registrationLabel('not_started', false)?.text).toBe('未办理工商注册');
    expect(registrationLabel('in_progress', false)?.text).toBe('工商注册办理中');
    expect(registrationLabel('unknown_state', false)?.text).toBe('工商注册未核准');
    expect(registrationLabel(undefined, undefined)).toBeNull();
  });
});
