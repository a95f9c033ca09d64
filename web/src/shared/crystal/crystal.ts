/** 水晶行业专项 on every surface: hint lookup by place and field, the assistant's question logic. */
import type { components } from '@/shared/api/schema';

export type Hint = components['schemas']['CrystalHintOut'];
export type AdminHint = components['schemas']['CrystalAdminHintOut'];
export type Reminder = components['schemas']['CrystalReminderOut'];
export type Question = components['schemas']['CrystalQuestionOut'];
export type Advice = components['schemas']['CrystalAdviceOut'];
export type AdviceQuery = components['schemas']['CrystalAdviceQuery'];
export type Place = Hint['placements'][number]['place'];
export type Answers = Record<string, string>;

export const ASSISTANT_ROUTE = '/training/crystal';

/** The hints shown beside ``field`` of ``place``, in the back office's order. */
export function hintsAt(hints: readonly Hint[], place: Place, field: string): Hint[] {
  return hints.filter((hint) => hint.placements.some((p) => p.place === place && p.field === field));
}

/** The questions to ask now: those whose conditions the answers so far meet (one per key, the first that applies). */
export function visibleQuestions(questions: readonly Question[], answers: Answers): Question[] {
  const seen = new Set<string>();
  return questions.filter((question) => {
    if (seen.has(question.key)) return false;
    const ok = Object.entries(question.visible_when).every(([key, values]) => values.includes(answers[key] ?? ''));
    if (ok) seen.add(question.key);
    return ok;
  });
}

/** Every visible question answered: the advice can be asked for. */
export function complete(questions: readonly Question[], answers: Answers): boolean {
  return visibleQuestions(questions, answers).every((q) => Boolean(answers[q.key]));
}

/** The advice query from the visible answers (a hidden answer — e.g. a stone after switching to 制品 — is dropped). */
export function adviceQuery(questions: readonly Question[], answers: Answers): AdviceQuery {
  const shown = new Set(visibleQuestions(questions, answers).map((q) => q.key));
  const pick = (key: string) => (shown.has(key) && answers[key] ? answers[key] : undefined);
  const query: Record<string, string | boolean> = { material: answers.material ?? '' };
  for (const key of ['working', 'stone', 'kind', 'setting']) {
    const value = pick(key);
    if (value) query[key] = value;
  }
  for (const key of ['religious', 'sensitive']) query[key] = pick(key) === 'true';
  return query as unknown as AdviceQuery;
}

/** 「第 2 行、第 5 行 等 12 行」: the rows whose 规格型号 lacks elements. */
export function incompleteText(reminder: Reminder): string {
  if (!reminder.incomplete_count) return '';
  const named = reminder.incomplete.join('、');
  return reminder.incomplete_count > reminder.incomplete.length ? `${named} 等 ${reminder.incomplete_count} 处` : named;
}
