/** The crystal declaration assistant's state, shared by the PC and H5 pages: questions, answers, advice, templates. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { saveDownload } from '@/merchant/pages/customs/download';
import { useMe } from '@/shared/session';
import { adviceQuery, complete, visibleQuestions, type Advice, type Answers, type Question } from './crystal';

export type Template = components['schemas']['CrystalTemplateOut'];

export function useAssistant(enabled: boolean) {
  const { api } = useMe();
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [answers, setAnswers] = useState<Answers>({});
  const [advice, setAdvice] = useState<Advice | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadQuestions = useCallback(async () => {
    setError(null);
    try {
      const [found, files] = await Promise.all([unwrap(api.client.GET('/api/v1/crystal/assistant/questions')), unwrap(api.client.GET('/api/v1/crystal/templates'))]);
      setQuestions(found);
      setTemplates(files);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    if (enabled) void loadQuestions();
  }, [enabled, loadQuestions]);

  const visible = useMemo(() => (questions ? visibleQuestions(questions, answers) : []), [questions, answers]);
  const ready = questions ? complete(questions, answers) : false;
  const query = useMemo(() => (questions && ready ? adviceQuery(questions, answers) : null), [questions, answers, ready]);

  useEffect(() => {
    if (!query) {
      setAdvice(null);
      return;
    }
    let live = true;
    setLoading(true);
    unwrap(api.client.GET('/api/v1/crystal/assistant/advice', { params: { query } }))
      .then((found) => live && setAdvice(found))
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, query]);

  const answer = (key: string, value: string) => setAnswers((prev) => ({ ...prev, [key]: value }));
  const reset = () => setAnswers({});

  /** Download a template, carrying the answer when every question is answered. */
  const download = (template: Template) =>
    saveDownload(
      api.client.GET('/api/v1/crystal/templates/{key}', { params: { path: { key: template.key }, query: query ?? {} }, parseAs: 'blob' }),
      `${template.title}.${template.format}`,
    );

  return { questions, visible, answers, answer, reset, ready, advice, loading, error, retry: loadQuestions, templates, download };
}
