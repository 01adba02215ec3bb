import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { ADMIN_ACTIONS } from '#shared/contracts/admin';
import { ArticleListPage } from './ArticleListPage';
import { EditorPage } from './EditorPage';
import { OrphansPage } from './OrphansPage';

const READ_PERMISSIONS = [{ action: ADMIN_ACTIONS.read, subject: null }];

/** The Baca Juga manager, mounted by the admin at /plugins/newsroom/*. */
const App = () => (
  <Page.Protect permissions={READ_PERMISSIONS}>
    <Routes>
      <Route index element={<ArticleListPage />} />
      <Route path="articles/:documentId" element={<EditorPage />} />
      <Route path="orphans" element={<OrphansPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
