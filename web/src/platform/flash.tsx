// A one-time success message carried to the next page in the router's location state.
import { useLocation } from 'react-router';
import { Notice } from './ui';

export type FlashState = { flash?: string };

export function Flash() {
  const location = useLocation();
  const flash = (location.state as FlashState | null)?.flash;
  if (!flash) return null;
  return <Notice tone="success" title={flash} live />;
}
