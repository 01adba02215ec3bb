import article from './article';

export default { article };
