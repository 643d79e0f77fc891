import { tokenPricer } from '../llm';

export default tokenPricer('openai.llm', 'openai', 'llm', ['llm.openai']);
