import { describe, expect, it } from 'vitest';
import { segments, submitBlocker } from './batches';

const ready = { ready: true, code: '', message: '' };

describe('submitBlocker', () => {
  it('lets an editor with a ready gateway and orders submit', () => {
    expect(submitBlocker({ canEdit: true, readiness: ready, orders: 3, status: 'draft' })).toBeNull();
  });
  it('says what to fix when the gateway is not ready', () => {
    const readiness = { ready: false, code: 'CUSTOMS_GATEWAY_NOT_CONFIGURED', message: '本商户尚未配置点点通接口，暂不能申报。请联系捷晶管理员配置点点通接口' };
    expect(submitBlocker({ canEdit: true, readiness, orders: 3, status: 'draft' })).toContain('请联系捷晶管理员');
  });
  it('refuses members and empty batches', () => {
    expect(submitBlocker({ canEdit: false, readiness: ready, orders: 3, status: 'draft' })).toBe('只读成员不能提交批次');
    expect(submitBlocker({ canEdit: true, readiness: ready, orders: 0, status: 'draft' })).toContain('电子订单报送');
  });
});

describe('segments', () => {
  it('is all zero for an empty group', () => {
    expect(segments({ total: 0, approved: 0, in_progress: 0, attention: 0, pending: 0 })).toEqual({ approved: 0, inProgress: 0, attention: 0, pending: 0 });
  });
  it('splits a group into percentages', () => {
    expect(segments({ total: 4, approved: 2, in_progress: 1, attention: 1, pending: 0 })).toEqual({ approved: 50, inProgress: 25, attention: 25, pending: 0 });
  });
});
