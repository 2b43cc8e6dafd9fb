// Every page: document title "<title> – Kontakt", breadcrumbs, one h1, and focus moved to the h1
// after a client-side navigation so screen-reader and keyboard users start at the top of the new page
// (or to the notice that reports what was just done, when the page opens with one).
// The breadcrumbs are also the one source of the page's section: the main menu marks that section.
import { createContext, useContext, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Breadcrumb, Breadcrumbs, Link as AriaLink } from 'react-aria-components';
import { useLocation } from 'react-router';

export type Crumb = { label: string; href?: string };

/** Set by the layout: the page tells it which section (a main-menu path) it belongs to. */
export const SectionContext = createContext<(section: string | null) => void>(() => {});

/**
 * The section a page belongs to: the first breadcrumb below "Start" (e.g. "Sök person" → /personer), or, for a
 * section's own page, its path. The main menu marks exactly this, so menu and breadcrumbs never disagree.
 */
export function sectionOf(breadcrumbs: Crumb[] | undefined, pathname: string): string {
  const parent = (breadcrumbs ?? []).find((c) => c.href && c.href !== '/');
  return parent?.href ? parent.href.split(/[?#]/)[0] : pathname;
}

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
  const { pathname } = useLocation();
  const setSection = useContext(SectionContext);
  const section = sectionOf(breadcrumbs, pathname);
  useLayoutEffect(() => {
    setSection(section);
  }, [section, setSection]);
  useEffect(() => {
    document.title = `${title} – Kontakt`;
  }, [title]);
  useEffect(() => {
    // The page's action notice (a child, so its effect ran first) may already hold focus: leave it there.
    const onNotice = document.activeElement instanceof HTMLElement && document.activeElement.closest('.action-notice');
    if (firstPageShown && !onNotice) h1.current?.focus({ preventScroll: false });
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
          <Breadcrumb key={`${c.href ?? ''}|${c.label}`} id={`${i}`}>
            {i === items.length - 1 || !c.href ? <span aria-current={i === items.length - 1 ? 'page' : undefined}>{c.label}</span> : <AriaLink href={c.href}>{c.label}</AriaLink>}
          </Breadcrumb>
        ))}
      </Breadcrumbs>
    </nav>
  );
}
