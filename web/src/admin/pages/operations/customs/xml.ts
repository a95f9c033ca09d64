/** A tiny XML tokenizer for the message viewer's syntax highlighting (display only, no parsing). */
export type XmlToken = { kind: 'tag' | 'attr' | 'value' | 'text' | 'comment' | 'decl'; text: string };

const TOKEN = /(<\?[\s\S]*?\?>)|(<!--[\s\S]*?-->)|(<!\[CDATA\[[\s\S]*?\]\]>)|(<\/?[\w:.-]+)|(\s[\w:.-]+=)("[^"]*"|'[^']*')|(\/?>)/g;

export function xmlTokens(xml: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  let last = 0;
  let inTag = false;
  const push = (kind: XmlToken['kind'], text: string) => {
    if (text) tokens.push({ kind, text });
  };
  for (const match of xml.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    push('text', xml.slice(last, at));
    if (match[1]) push('decl', match[1]);
    else if (match[2]) push('comment', match[2]);
    else if (match[3]) push('text', match[3]);
    else if (match[4]) {
      push('tag', match[4]);
      inTag = true;
    } else if (match[5] && inTag) {
      push('attr', match[5]);
      push('value', match[6]);
    } else if (match[5]) push('text', match[5] + match[6]);
    else if (match[7]) {
      push('tag', match[7]);
      inTag = false;
    }
    last = at + match[0].length;
  }
  push('text', xml.slice(last));
  return tokens;
}
