// The one notice that reports the last action on a page ("Ärendet är bekräftat."). After every action focus
// moves to it, so keyboard and screen-reader users land on the result and Tab goes on from there. A newer
// action's notice replaces the older one (also one carried over from the previous page), never stacks.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Notice } from './ui';

/** Router state for a notice carried to the next page (after "Registrera …" navigates to the new record). */
export type FlashState = { flash?: string };

export type ActionMessage = { text: string; details?: ReactNode; key: string };

export type ActionNoticeApi = {
  message: ActionMessage | null;
  /** Report an action: replaces any earlier notice and moves focus to this one. */
  show: (text: string, details?: ReactNode) => void;
};

let counter = 0;

/** The page's action notice: the flash carried in from the previous page, until this page reports its own. */
export function useActionNotice(): ActionNoticeApi {
  const location = useLocation();
  const navigate = useNavigate();
  const flash = (location.state as FlashState | null)?.flash ?? null;
  const [own, setOwn] = useState<ActionMessage | null>(null);
  const show = useCallback(
    (text: string, details?: ReactNode) => {
      setOwn({ text, details, key: `own-${++counter}` });
      // Drop the carried-over notice from the history entry too, so it does not come back on reload or "back".
      if (flash) void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null, preventScrollReset: true });
    },
    [flash, navigate, location.pathname, location.search, location.hash],
  );
  const message = own ?? (flash ? { text: flash, key: `flash-${location.key}` } : null);
  return { message, show };
}

/** Renders the page's action notice (role="status") and focuses it whenever a new one appears. */
export function ActionNotice({ notice }: { notice: ActionNoticeApi }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = notice.message?.key;
  useEffect(() => {
    if (!key) return;
    const focus = () => ref.current?.focus({ preventScroll: false });
    focus();
    // A closing dialog gives focus back to its trigger a frame later; the notice must win.
    const frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [key]);
  const m = notice.message;
  if (!m) return null;
  return (
    <Notice key={m.key} ref={ref} tabIndex={-1} tone="success" title={m.text} live className="action-notice">
      {m.details}
    </Notice>
  );
}
