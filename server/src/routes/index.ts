import contentApi from './content-api';
import documents from './documents';

export default {
  'content-api': contentApi,
  ...documents,
};
