import { describe, expect, it } from 'vitest';
import { xmlTokens } from './xml';

describe('xmlTokens', () => {
  it('marks tags, attributes, values and text', () => {
    const tokens = xmlTokens('<?xml version="1.0"?>\n<ceb:CEB303Message guid="A1" version="1.0"><ceb:orderNo>DH1</ceb:orderNo></ceb:CEB303Message>');
    expect(tokens[0]).toEqual({ kind: 'decl', text: '<?xml version="1.0"?>' });
    expect(tokens).toContainEqual({ kind: 'tag', text: '<ceb:CEB303Message' });
    expect(tokens).toContainEqual({ kind: 'attr', text: ' guid=' });
    expect(tokens).toContainEqual({ kind: 'value', text: '"A1"' });
    expect(tokens).toContainEqual({ kind: 'text', text: 'DH1' });
    expect(tokens.map((t) => t.text).join('')).toContain('</ceb:orderNo>');
  });
  it('keeps text that only looks like an attribute outside tags as text', () => {
    const tokens = xmlTokens('<a>x b="1"</a>');
    expect(tokens.filter((t) => t.kind === 'attr')).toEqual([]);
    expect(tokens.map((t) => t.text).join('')).toBe('<a>x b="1"</a>');
  });
});
