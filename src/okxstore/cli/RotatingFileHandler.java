package okxstore.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * A log file at exactly the configured path ({@code okx-store.log}), rotated to {@code .1} ..
 * {@code .N} when it passes a size, unlike the JDK's FileHandler which renames the live file.
 */
final class RotatingFileHandler extends StreamHandler {
    private final Path file;
    private final long limit;
    private final int keep;
    private long written;

    RotatingFileHandler(Path file, long limit, int keep) throws IOException {
        this.file = file;
        this.limit = limit;
        this.keep = keep;
        setErrorManager(new ErrorManager());
        open();
    }

    private void open() throws IOException {
        written = Files.exists(file) ? Files.size(file) : 0;
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        });
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
        if (written > limit) {
            rotate();
        }
    }

    private void rotate() {
        try {
            close();
            for (int i = keep - 1; i >= 1; i--) {
                Path from = file.resolveSibling(file.getFileName() + "." + i);
                if (Files.exists(from)) {
                    Files.move(from, file.resolveSibling(file.getFileName() + "." + (i + 1)),
                        StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            open();
        } catch (IOException e) {
            reportError("cannot rotate " + file, e, ErrorManager.GENERIC_FAILURE);
        }
    }
}
