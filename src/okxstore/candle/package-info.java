/** The domain: candles, bar sizes and their time grids, instrument ids. Knows nothing of JSON or SQL. */
package okxstore.candle;
