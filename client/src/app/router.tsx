import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { LoginPage } from '../features/auth/login-page';
import { HomePage } from '../features/home/home-page';
import { OrganizationPage } from '../features/organization/organization-page';
import { ImportPage } from '../features/users/import/import-page';
import { UsersPage } from '../features/users/users-page';
import { NotFound, RequireAuth, RequirePage } from './guards';
import { AppLayout } from './layouts/app-layout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'change-password', element: <ChangePasswordPage /> },
      { path: 'users', element: <RequirePage path="/users"><UsersPage /></RequirePage> },
      { path: 'organization', element: <RequirePage path="/organization"><OrganizationPage /></RequirePage> },
      { path: 'import', element: <RequirePage path="/import"><ImportPage /></RequirePage> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
