import { tokenPricer } from '../llm';

export default tokenPricer('anthropic.llm', 'anthropic', 'llm', ['llm.anthropic']);
