import { tokenPricer } from '../llm';

export default tokenPricer('google.llm', 'google', 'llm', ['llm.google']);
