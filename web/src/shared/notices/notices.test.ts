import { describe, expect, it } from 'vitest';
import { announcementText, closedLine, closedText, dismissHoursNotice, formatOpening, hoursNoticeDismissed, type Notices } from './notices';
import { MemoryStorage } from '../testing/fixtures';

const NOW = new Date('2026-09-19T02:00:00Z'); // Saturday 10:00 in Beijing

const closed: Notices = {
  now: NOW.toISOString(),
  timezone: 'Asia/Shanghai',
  open: false,
  hours_text: '周一至周五 08:30–12:00、13:30–17:30',
  next_open_at: '2026-09-21T08:30:00+08:00',
  closed_notice: '当前为非营业时间，您仍可提交业务。',
  announcements: [],
  platform: { name: '晶贸通', hotline: '', service_wechat: '' },
};

describe('formatOpening', () => {
  it('says today or tomorrow for the next two days, in Beijing time', () => {
    expect(formatOpening('2026-09-19T13:30:00+08:00', NOW)).toBe('今天 13:30');
    expect(formatOpening('2026-09-20T00:30:00Z', NOW)).toBe('明天 08:30');
  });
  it('names the date and weekday further out, and the year only when it differs', () => {
    expect(formatOpening('2026-09-21T08:30:00+08:00', NOW)).toBe('9月21日（周一）08:30');
    expect(formatOpening('2027-01-04T08:30:00+08:00', NOW)).toBe('2027年1月4日（周一）08:30');
  });
});

describe('closedText', () => {
  it('joins the notice, the next opening and the hours', () => {
    expect(closedText(closed, NOW)).toBe(
      '当前为非营业时间，您仍可提交业务；下次营业：9月21日（周一）08:30；营业时间：周一至周五 08:30–12:00、13:30–17:30（北京时间）。',
    );
  });
  it('leaves out the next opening when the calendar never opens', () => {
    expect(closedText({ ...closed, next_open_at: null }, NOW)).not.toContain('下次营业');
  });
});

describe('announcementText', () => {
  it('puts the title before the content', () => {
    expect(
      announcementText({ id: 'a1', title: '系统升级', content: '周六 22:00–24:00 暂停服务', level: 'warning', starts_at: '', ends_at: '' }),
    ).toBe('系统升级：周六 22:00–24:00 暂停服务');
  });
});

describe('the closed-hours notice', () => {
  it('fits one line: the notice and when we open again', () => {
    const line = closedLine({ closed_notice: '今日休息。', next_open_at: '2026-09-21T00:30:00Z' } as Notices, NOW);
    expect(line).toBe('今日休息 · 下次营业：9月21日（周一）08:30');
    expect(line).not.toContain('\n');
  });

  it('once closed, stays closed for the rest of the Beijing day only', () => {
    const storage = new MemoryStorage();
    expect(hoursNoticeDismissed(NOW, storage)).toBe(false);
    dismissHoursNotice(NOW, storage);
    expect(hoursNoticeDismissed(new Date('2026-09-19T15:59:00Z'), storage)).toBe(true); // 23:59 in Beijing
    expect(hoursNoticeDismissed(new Date('2026-09-19T16:01:00Z'), storage)).toBe(false); // the next day
  });
});
