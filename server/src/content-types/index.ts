export { default } from '../../../content-types';
