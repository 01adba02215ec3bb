import render from './render';
import importer from './importer';
import seed from './seed';

export default { render, importer, seed };
