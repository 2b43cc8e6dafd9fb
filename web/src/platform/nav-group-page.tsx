// A menu group's own page (Tillsyn, Registervård, Administration): the group's pages this user may open, each with
// a line on what it is for. The list comes from the menu's data (nav-items.ts), so menu and page never disagree.
import { can, useCurrentUser } from './auth';
import { navGroup, visibleNav, isGroup } from './nav-items';
import { Page } from './page';
import { Notice, Link } from './ui';

export function NavGroupPage({ path }: { path: string }) {
  const me = useCurrentUser();
  const group = navGroup(path);
  const shown = visibleNav((p) => can(me, p)).flatMap((i) => (isGroup(i) ? (i.to === path ? i.children : []) : group.children.filter((c) => c.to === i.to)));
  return (
    <Page title={group.label} lead={group.description}>
      {shown.length === 0 ? (
        <Notice tone="info" title="Inget här för dig">
          Din roll har inte tillgång till någon av de här sidorna.
        </Notice>
      ) : (
        <ul className="nav-group-list">
          {shown.map((c) => (
            <li key={c.to}>
              <Link href={c.to}>{c.label}</Link>
              {c.description && <p>{c.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export const OversightPage = () => <NavGroupPage path="/tillsyn" />;
export const RegisterCarePage = () => <NavGroupPage path="/registervard" />;
export const AdminPage = () => <NavGroupPage path="/admin" />;
