import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { routes } from './routes';
import { isApiError } from './platform/api';
import { meQueryKey, sessionQuery } from './platform/auth';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Do not retry what the API refused on purpose (401/403/404/409…); retry network glitches once.
      retry: (count, error) => count < 1 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

// Who is signed in is the first question every page asks: ask it while the page's code is still loading.
void queryClient.prefetchQuery({ queryKey: meQueryKey, ...sessionQuery });

const router = createBrowserRouter(routes);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
