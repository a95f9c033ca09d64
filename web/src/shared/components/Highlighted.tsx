import { HIGHLIGHT_STYLE, splitSpans } from '../search';

/** Text with the server's highlight spans marked (yellow background, orange text). */
export function Highlighted({ text, spans }: { text: string; spans: readonly (readonly number[])[] }) {
  return (
    <>
      {splitSpans(text, spans).map((part, i) =>
        part.hit ? (
          <mark key={i} style={HIGHLIGHT_STYLE}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
