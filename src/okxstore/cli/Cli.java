package okxstore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import okxstore.config.Settings;

/**
 * What a command runs with: its output streams, the environment, the global options, and the
 * settings resolved from them (on first use, so {@code --help} never reads a config file).
 * Used by one thread.
 */
final class Cli {
    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> env;
    final Path configFlag;
    final Path dataDirFlag;
    final String logLevelFlag;
    final boolean debug;
    final boolean stdoutTerminal;
    final boolean stderrTerminal;
    private Settings settings;

    Cli(PrintWriter out, PrintWriter err, Map<String, String> env, Path configFlag, Path dataDirFlag,
        String logLevelFlag, boolean debug, boolean stdoutTerminal, boolean stderrTerminal) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.configFlag = configFlag;
        this.dataDirFlag = dataDirFlag;
        this.logLevelFlag = logLevelFlag;
        this.debug = debug;
        this.stdoutTerminal = stdoutTerminal;
        this.stderrTerminal = stderrTerminal;
    }

    Settings settings() {
        if (settings == null) {
            Map<String, String> flags = logLevelFlag == null ? Map.of() : Map.of("log.level", logLevelFlag);
            settings = Settings.resolve(configFlag, dataDirFlag, env, flags);
        }
        return settings;
    }

    /** Forgets the resolved settings, after a command edited the config file. */
    void reloadSettings() {
        settings = null;
    }

    /** Logging for a reading command: warnings (or everything with --debug) to stderr, no file. */
    void logToStderr() {
        LogSetup.stderr(err, debug ? Level.FINE : Level.WARNING);
    }

    /** Logging for a writing command: the log file in the data directory, plus warnings on stderr. */
    void logToFile() throws IOException {
        Settings s = settings();
        Files.createDirectories(s.dataDir());
        LogSetup.file(err, s.logFile(), debug ? Level.FINE : s.logLevel(), debug ? Level.FINE : Level.WARNING);
    }

    /** The data directory, which must exist for a reading command. */
    Path existingDataDir() {
        Path dir = settings().dataDir();
        if (!Files.isDirectory(dir)) {
            throw CliException.failure("no data directory at " + dir + " (run sync first, or pass --data-dir)");
        }
        return dir;
    }
}
