import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { Start } from '../features/start/Start';
import { Wizard } from '../features/wizard/Wizard';
import { PasteAll } from '../features/paste/PasteAll';
import { NotFound } from '../components/NotFound';
import { SharedRoute } from '../features/share/SharedRoute';

// Hash routes: the app works from any static host, any sub-path and file://.
const router = createHashRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Start /> },
      { path: '/s/:tree/:node?', element: <Wizard /> },
      { path: '/all', element: <PasteAll /> },
      { path: '/share/*', element: <SharedRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
