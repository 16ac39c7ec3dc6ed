import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

export interface ErrorBoundaryProps {
  /** What went wrong, for the message (e.g. the view's name). */
  where: string;
  children: ReactNode;
  /** Leaves the failing data: back to the built-in dataset. */
  onBackToBuiltin?(): void;
  /** Forgets stored corrections and mappings, which may be what breaks the view. */
  onForgetStored?(): void;
  /** Changes when the boundary should try again by itself (e.g. another dataset). */
  resetKey?: unknown;
}

/**
 * One exception never removes the whole interface: the failing part is replaced by a message
 * with a way out (retry, the built-in data, forgetting stored state).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null; key: unknown }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: { error: Error | null; key: unknown }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Bruggen: ${this.props.where} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Translation ns="common">
        {(t) => (
          <div className="error-boundary" role="alert" data-testid="error-boundary">
            <h2>{t('error.title', { where: this.props.where })}</h2>
            <p className="muted">{error.message}</p>
            <div className="error-actions">
              <button type="button" onClick={() => this.setState({ error: null })} data-testid="error-retry">
                {t('error.retry')}
              </button>
              {this.props.onBackToBuiltin && (
                <button type="button" onClick={this.props.onBackToBuiltin} data-testid="error-builtin">
                  {t('error.builtin')}
                </button>
              )}
              {this.props.onForgetStored && (
                <button type="button" onClick={this.props.onForgetStored} data-testid="error-forget">
                  {t('error.forget')}
                </button>
              )}
            </div>
          </div>
        )}
      </Translation>
    );
  }
}
