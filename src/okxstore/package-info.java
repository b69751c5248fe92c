/**
 * The public embedding API of okx-store: a local SQLite copy of OKX candlesticks, used from Java.
 *
 * <p>{@link okxstore.OkxStore} is the entry point: open one on a data directory
 * ({@link okxstore.OkxStore#open(java.nio.file.Path)}), on a {@link okxstore.StoreConfig} built in
 * code, or read-only beside another process ({@link okxstore.OkxStore#openReadOnly}); query it
 * (latest, recent, range, coverage, gaps, stats, status), sync it over REST
 * ({@link okxstore.OkxStore#syncNow}), run the daemon's hybrid live sync
 * ({@link okxstore.OkxStore#start()}) and listen for bars ({@link okxstore.OkxStore#onCandle}).
 * Results are records of this package and the domain values {@link okxstore.candle.Bar},
 * {@link okxstore.candle.Candle} and {@link okxstore.candle.InstrumentId}.
 *
 * <p>Every other package ({@code okxstore.cli}, {@code config}, {@code json}, {@code okx},
 * {@code store}, {@code sync}, and the rest of {@code candle}) is internal and may change.
 * The library never calls {@code System.exit}, writes nothing to stdout or stderr, leaves
 * {@code java.util.logging} as the application set it (loggers are named {@code okxstore.*}),
 * and leaves no thread running after {@link okxstore.OkxStore#close()}. On JDK 24 and newer, run
 * with {@code --enable-native-access=ALL-UNNAMED}: sqlite-jdbc, merged into the jar, loads a native
 * library. Do not put another sqlite-jdbc on the classpath.
 */
package okxstore;
