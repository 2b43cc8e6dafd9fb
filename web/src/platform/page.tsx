// Every page: document title "<title> – Kontakt", breadcrumbs, one h1, and focus moved to the h1
// after a client-side navigation so screen-reader and keyboard users start at the top of the new page.
import { useEffect, useRef, type ReactNode } from 'react';
import { Breadcrumb, Breadcrumbs, Link as AriaLink } from 'react-aria-components';

export type Crumb = { label: string; href?: string };

let firstPageShown = false;

export function Page({
  title,
  heading,
  breadcrumbs,
  lead,
  actions,
  children,
  tags,
}: {
  title: string;
  /** The h1 when it should differ from the document title. */
  heading?: ReactNode;
  /** Parents of this page; the page itself is added last. */
  breadcrumbs?: Crumb[];
  lead?: ReactNode;
  actions?: ReactNode;
  tags?: ReactNode;
  children?: ReactNode;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Kontakt`;
  }, [title]);
  useEffect(() => {
    if (firstPageShown) h1.current?.focus({ preventScroll: false });
    firstPageShown = true;
  }, []);
  return (
    <>
      {breadcrumbs && breadcrumbs.length > 0 && <PageBreadcrumbs items={[...breadcrumbs, { label: title }]} />}
      <div className="page-head">
        <div>
          <h1 ref={h1} tabIndex={-1}>
            {heading ?? title}
          </h1>
          {tags && <div className="page-tags">{tags}</div>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </>
  );
}

export function PageBreadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Du är här" className="breadcrumbs">
      <Breadcrumbs>
        {items.map((c, i) => (
          <Breadcrumb key={`${i}-${c.label}`} id={`${i}`}>
            {i === items.length - 1 || !c.href ? <span aria-current={i === items.length - 1 ? 'page' : undefined}>{c.label}</span> : <AriaLink href={c.href}>{c.label}</AriaLink>}
          </Breadcrumb>
        ))}
      </Breadcrumbs>
    </nav>
  );
}
