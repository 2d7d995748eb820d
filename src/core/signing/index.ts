/**
 * Signatures with the business's secret: opaque Message-IDs and unsubscribe tokens. The keyed
 * hash is given by an adapter.
 */
export { addressTag, readUnsubscribeToken, type Sign, signedMessageId, signedMessageIds, unsubscribeToken } from './signing.ts';
