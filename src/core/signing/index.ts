/**
 * Signatures with the business's secret: opaque Message-IDs and unsubscribe tokens. The keyed
 * hash is given by an adapter.
 */
export {
  addressTag,
  readUnsubscribeToken,
  SECRET_MIN_LENGTH,
  type Sign,
  signedMessageId,
  signedMessageIds,
  unsubscribeToken,
  unsubscribeTokenTexts,
} from './signing.ts';
