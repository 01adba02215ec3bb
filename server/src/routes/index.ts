import admin from './admin';
import contentApi from './content-api';
import documents from './documents';

export default {
  admin,
  'content-api': contentApi,
  ...documents,
};
