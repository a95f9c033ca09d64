/** What goes under an answer on both surfaces: the cited sources (links), the personal hints, the
 * hand-over to staff, and the answer's mode in plain words. */
import type { ReactNode } from 'react';
import type { Turn } from './ask';

export function sourceLabel(kind: string): string {
  return kind === 'lesson' ? '课程' : kind === 'faq' ? '常见问题' : '平台帮助';
}

export function AnswerExtras({ turn, renderLink }: { turn: Turn; renderLink: (url: string, text: ReactNode) => ReactNode }) {
  return (
    <div className="jmt-answer-extras">
      {turn.hints.length ? (
        <div className="jmt-answer-hints" data-testid="answer-hints">
          <b>结合您的情况：</b>
          <ul>
            {turn.hints.map((hint) => (
              <li key={hint.text}>
                {hint.text}
                {hint.route ? <span className="jmt-answer-hint-link">{renderLink(hint.route, `${hint.action || '查看'} ›`)}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {turn.sources.length ? (
        <div className="jmt-answer-sources" data-testid="answer-sources">
          <b>出处：</b>
          <ol>
            {turn.sources.map((source) => (
              <li key={source.key}>
                <span className="jmt-answer-kind">{sourceLabel(source.kind)}</span>
                {renderLink(source.url, source.title)}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {turn.handover ? (
        <div className="jmt-answer-handover" data-testid="answer-handover">
          转人工客服：添加捷晶客服微信 <b>{turn.handover.wechat}</b>（{turn.handover.hours}）
        </div>
      ) : null}
      <div className="jmt-answer-mode">{turn.mode === 'retrieval' ? '回答摘自知识库（未接入大模型）' : turn.mode === 'llm' ? '由大模型根据出处生成' : '未找到可靠出处'}</div>
    </div>
  );
}
