package okxstore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sets up java.util.logging for the command line only (the library never touches logging):
 * one-line records on the {@code okxstore} logger, to stderr and optionally a rotating file.
 * Stdout never gets a log line.
 */
final class LogSetup {
    private static final Logger ROOT = Logger.getLogger("okxstore");

    private LogSetup() {
    }

    /** The one-line format: time, level, logger, message, and the throwable's class and message. */
    static final class OneLine extends Formatter {
        private final boolean traces;

        OneLine(boolean traces) {
            this.traces = traces;
        }

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(160);
            sb.append(Instant.ofEpochMilli(r.getMillis())).append(' ').append(r.getLevel().getName()).append(' ')
                .append(shortName(r.getLoggerName())).append(": ").append(formatMessage(r));
            Throwable t = r.getThrown();
            if (t != null) {
                sb.append(" (").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(')');
                if (traces) {
                    java.io.StringWriter sw = new java.io.StringWriter();
                    t.printStackTrace(new PrintWriter(sw));
                    sb.append(System.lineSeparator()).append(sw.toString().stripTrailing());
                }
            }
            return sb.append(System.lineSeparator()).toString();
        }

        private static String shortName(String logger) {
            if (logger == null) {
                return "";
            }
            int dot = logger.lastIndexOf('.');
            return dot < 0 ? logger : logger.substring(dot + 1);
        }
    }

    /** A handler writing to the command's stderr writer. */
    private static final class WriterHandler extends Handler {
        private final PrintWriter err;

        WriterHandler(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void publish(LogRecord r) {
            if (isLoggable(r)) {
                err.print(getFormatter().format(r));
                err.flush();
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            err.flush();
        }
    }

    static void stderr(PrintWriter err, Level level) {
        reset();
        Handler h = new WriterHandler(err);
        h.setFormatter(new OneLine(level.intValue() <= Level.FINE.intValue()));
        h.setLevel(level);
        ROOT.addHandler(h);
        ROOT.setLevel(level);
    }

    static void file(PrintWriter err, Path file, Level fileLevel, Level stderrLevel) throws IOException {
        stderr(err, stderrLevel);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        RotatingFileHandler fh = new RotatingFileHandler(file, 10L * 1024 * 1024, 5);
        fh.setFormatter(new OneLine(true));
        fh.setLevel(fileLevel);
        ROOT.addHandler(fh);
        ROOT.setLevel(fileLevel.intValue() < stderrLevel.intValue() ? fileLevel : stderrLevel);
    }

    /** Flushes and closes every handler this class installed. */
    static void reset() {
        ROOT.setUseParentHandlers(false);
        for (Handler h : ROOT.getHandlers()) {
            ROOT.removeHandler(h);
            h.close();
        }
    }
}
