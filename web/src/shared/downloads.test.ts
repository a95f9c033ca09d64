import { describe, expect, it } from 'vitest';
import { anyRunning, bridgePath, canRetry, downloadHint, formatSize, inMiniProgram, type Download } from './downloads';

const base: Download = {
  id: 1,
  kind: 'customs.orders',
  title: '报关订单与清单',
  file_format: 'xlsx',
  file_name: '报关订单与清单-20261205-210000.xlsx',
  status: 'done',
  status_label: '完成',
  progress: 100,
  rows: 1200,
  size: 2.5 * 1024 * 1024,
  error: '',
  created_at: '2026-12-05T13:00:00Z',
  finished_at: '2026-12-05T13:00:05Z',
  expires_at: '2026-12-12T13:00:05Z',
};

describe('download center', () => {
  it('keeps polling while a download is queued or running, and stops once all are settled', () => {
    expect(anyRunning([{ status: 'done' }, { status: 'running' }])).toBe(true);
    expect(anyRunning([{ status: 'queued' }])).toBe(true);
    expect(anyRunning([{ status: 'done' }, { status: 'failed' }, { status: 'expired' }])).toBe(false);
  });

  it('says what a finished file holds, why one failed, and that an expired one is gone', () => {
    const time = (iso: string) => iso.slice(0, 10);
    expect(downloadHint(base, time)).toBe('1200 行 · 2.5 MB，保留至 2026-12-12');
    expect(downloadHint({ ...base, status: 'failed', error: '您已没有这项导出的权限，文件未生成' }, time)).toBe('您已没有这项导出的权限，文件未生成');
    expect(downloadHint({ ...base, status: 'expired' }, time)).toContain('已过期');
    expect(downloadHint({ ...base, status: 'running', progress: 42 }, time)).toBe('正在生成 42%');
    expect(formatSize(512)).toBe('512 B');
  });

  it('offers 重新生成 only for a failed export', () => {
    expect(canRetry({ status: 'failed' })).toBe(true);
    for (const status of ['queued', 'running', 'done', 'expired'] as const) expect(canRetry({ status })).toBe(false);
    expect(downloadHint({ ...base, status: 'failed', error: '' }, (iso) => iso)).toBe('生成失败，请点击「重新生成」');
  });

  it('recognises the mini-program web-view by its window flag or user agent', () => {
    expect(inMiniProgram({ __wxjs_environment: 'miniprogram', navigator: { userAgent: 'Mozilla/5.0' } })).toBe(true);
    expect(inMiniProgram({ navigator: { userAgent: 'Mozilla/5.0 MicroMessenger/8.0.50 miniProgram/wx1234' } })).toBe(true);
    expect(inMiniProgram({ navigator: { userAgent: 'Mozilla/5.0 MicroMessenger/8.0.50' } })).toBe(false);
  });

  it('hands the bridge page the absolute signed link and the file name, encoded', () => {
    const url = 'https://jmt.example.com/api/v1/downloads/file/eyJkIjoxfQ:1v:sig';
    expect(bridgePath(url, '报关 订单.xlsx')).toBe(
      `/pages/download/index?url=${encodeURIComponent(url)}&name=${encodeURIComponent('报关 订单.xlsx')}`,
    );
  });
});
