// Small UI primitives on top of react-aria-components: buttons, links, notices, badges, summary lists.
import type { ReactNode, Ref } from 'react';
import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  Link as AriaLink,
  type LinkProps as AriaLinkProps,
} from 'react-aria-components';

type Variant = 'primary' | 'secondary' | 'danger' | 'link';

export function Button({ variant = 'primary', className, ...props }: AriaButtonProps & { variant?: Variant }) {
  return <AriaButton {...props} className={`btn btn-${variant}${className ? ` ${className}` : ''}`} />;
}

/** A client-side link (react-aria Link routed through React Router). */
export function Link({ className, ...props }: AriaLinkProps) {
  return <AriaLink {...props} className={`link${className ? ` ${className}` : ''}`} />;
}

/** A link that looks like a button: for navigation to a form ("Registrera …"). */
export function LinkButton({ variant = 'primary', className, ...props }: AriaLinkProps & { variant?: Exclude<Variant, 'link'> }) {
  return <AriaLink {...props} className={`btn btn-${variant}${className ? ` ${className}` : ''}`} />;
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

const toneLabel: Record<Tone, string> = { info: 'Information', success: 'Klart', warning: 'Observera', error: 'Fel' };

const toneIcon: Record<Tone, string> = { info: 'i', success: '✓', warning: '!', error: '!' };

/**
 * A notice. `live` makes screen readers announce it when it appears (use for results of an action).
 * The tone is also written out for screen readers, so colour is never the only signal.
 */
export function Notice({
  tone = 'info',
  title,
  children,
  live = false,
  className,
  ref,
  tabIndex,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
  className?: string;
  /** With tabIndex -1: a notice that focus is moved to (see ActionNotice in flash.tsx). */
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
}) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div ref={ref} tabIndex={tabIndex} className={`notice notice-${tone}${className ? ` ${className}` : ''}`} role={role}>
      <span className="notice-icon" aria-hidden="true">
        {toneIcon[tone]}
      </span>
      <div className="notice-body">
        <span className="visually-hidden">{toneLabel[tone]}: </span>
        {title && <p className="notice-title">{title}</p>}
        {children && <div className="notice-text">{children}</div>}
      </div>
    </div>
  );
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'info' | 'warning' | 'protected' | 'success' | 'demo'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function ProtectedBadge() {
  return <Badge tone="protected">Skyddad identitet</Badge>;
}

export function FictitiousTag() {
  return <Badge tone="demo">Fiktiv person (demo)</Badge>;
}

/** Key–value list for showing a record ("Personnummer: 19121212-1212"). */
export function SummaryList({ rows }: { rows: Array<[ReactNode, ReactNode] | null | false> }) {
  return (
    <dl className="summary-list">
      {rows.filter(Boolean).map((row, i) => {
        const [k, v] = row as [ReactNode, ReactNode];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of rows built in place, never reordered.
          <div className="summary-row" key={i}>
            <dt>{k}</dt>
            <dd>{v === null || v === undefined || v === '' ? <span className="muted">Uppgift saknas</span> : v}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function Section({ title, children, id, actions }: { title: string; children: ReactNode; id?: string; actions?: ReactNode }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section className="section" aria-labelledby={headingId} id={id}>
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        {actions && <div className="section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

export function ButtonRow({ children }: { children: ReactNode }) {
  return <div className="button-row">{children}</div>;
}

// Links may pass React Router options (e.g. history state) through react-aria's router (see Root in routes.tsx).
declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: import('react-router').NavigateOptions;
  }
}
