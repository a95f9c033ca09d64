// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from './PageErrorBoundary';

function Broken(): never {
  throw new TypeError('Cannot convert undefined or null to object');
}

describe('a page that fails to draw', () => {
  it('says so in Chinese with a way on, never the script error', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <PageErrorBoundary>
        <Broken />
      </PageErrorBoundary>,
    );
    expect(screen.getByText('页面显示出错')).toBeTruthy();
    expect(screen.getByRole('button', { name: /刷新页面/ })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Something went wrong|Cannot convert/);
    quiet.mockRestore();
  });
});
