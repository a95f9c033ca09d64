import { describe, expect, it } from 'vitest';
import { adviceQuery, complete, hintsAt, incompleteText, visibleQuestions, type Hint, type Question, type Reminder } from './crystal';

const q = (key: string, visible_when: Record<string, string[]> = {}): Question => ({ key, title: key, options: [], visible_when });
const QUESTIONS = [
  q('material'),
  q('working', { material: ['natural', 'synthetic'] }),
  q('stone', { material: ['natural'], working: ['loose'] }),
  q('kind', { material: ['natural', 'synthetic'], working: ['article'] }),
  q('kind', { material: ['glass'] }),
  q('setting', { working: ['article'] }),
  q('religious'),
];

describe('the assistant questions', () => {
  it('asks the stone only for natural loose pieces', () => {
    expect(visibleQuestions(QUESTIONS, { material: 'natural', working: 'loose' }).map((x) => x.key)).toEqual(['material', 'working', 'stone', 'religious']);
  });
  it('asks glass goods their kind once, and no working', () => {
    const keys = visibleQuestions(QUESTIONS, { material: 'glass' }).map((x) => x.key);
    expect(keys).toEqual(['material', 'kind', 'religious']);
  });
  it('is complete only when every visible question is answered', () => {
    expect(complete(QUESTIONS, { material: 'natural', working: 'article', kind: 'ball' })).toBe(false);
    expect(complete(QUESTIONS, { material: 'natural', working: 'article', kind: 'ball', setting: 'none', religious: 'false' })).toBe(true);
  });
  it('drops answers to questions no longer asked', () => {
    const query = adviceQuery(QUESTIONS, { material: 'natural', working: 'article', stone: 'tourmaline', kind: 'ball', setting: 'silver', religious: 'true' });
    expect(query).toEqual({ material: 'natural', working: 'article', kind: 'ball', setting: 'silver', religious: true, sensitive: false });
  });
});

describe('hints and reminders', () => {
  const hint = (key: string, place: Hint['placements'][number]['place'], field: string): Hint => ({ key, title: key, body: '', placements: [{ place, field, label: '' }] });
  it('finds the hints of one field', () => {
    const hints = [hint('fragile', 'shipment_goods', 'goods'), hint('elements', 'customs_preview', 'gmodel')];
    expect(hintsAt(hints, 'customs_preview', 'gmodel').map((h) => h.key)).toEqual(['elements']);
  });
  it('names the incomplete rows and counts the rest', () => {
    const reminder = { incomplete: ['第 2 行', '第 3 行'], incomplete_count: 12 } as Reminder;
    expect(incompleteText(reminder)).toBe('第 2 行、第 3 行 等 12 处');
  });
});
