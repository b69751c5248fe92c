/**
 * The domain: candles, bar sizes and their time grids, instrument ids. Knows nothing of JSON or SQL.
 * <p>
 * {@link okxstore.candle.Bar}, {@link okxstore.candle.Candle} and {@link okxstore.candle.InstrumentId}
 * are part of the public API (the {@code okxstore} package returns them). The rest
 * ({@code Exchange}, {@code LiveFeed}, {@code Instrument}, {@code Decimals}, ...) is internal: not part
 * of the public API; may change.
 */
package okxstore.candle;
