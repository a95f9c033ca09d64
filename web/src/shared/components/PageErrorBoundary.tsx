/** What a page that failed to draw shows inside the PC and back-office layouts (ProLayout's own
 * boundary says "Something went wrong." with the script's error text): a Chinese notice and a way on.
 * Going to another page clears it. */
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failedAt: string | null;
}

export class PageErrorBoundary extends Component<{ children?: ReactNode }, State> {
  state: State = { failedAt: null };

  static getDerivedStateFromError(): State {
    return { failedAt: window.location.pathname };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  componentDidUpdate() {
    if (this.state.failedAt !== null && this.state.failedAt !== window.location.pathname) this.setState({ failedAt: null });
  }

  render() {
    if (this.state.failedAt === null || this.state.failedAt !== window.location.pathname) return this.props.children;
    return (
      <Result
        status="error"
        title="页面显示出错"
        subTitle="这个页面暂时无法显示，请刷新重试；如仍出错，请联系客服。"
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
        }
      />
    );
  }
}
