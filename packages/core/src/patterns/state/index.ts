import type { AnyPattern } from '../types';
import eventSourcing from './event-sourcing';
import idempotentConsumer from './idempotent-consumer';
import saga from './saga';
import transactionalOutbox from './transactional-outbox';

/** State patterns, in library order. Adding one = one file here + one line below. */
export const STATE_PATTERNS: readonly AnyPattern[] = [idempotentConsumer, transactionalOutbox, saga, eventSourcing];
