/**
 * Internal: not part of the public API; may change.
 * <p>
 * Everything that knows OKX: URLs, envelopes, error codes, rate limits and the candle codec.
 * {@link okxstore.okx.OkxRest} implements the {@link okxstore.candle.Exchange} seam over REST;
 * {@link okxstore.okx.CandleRows} decodes candle pages and WebSocket pushes without building maps.
 */
package okxstore.okx;
