package okxstore.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import okxstore.config.ConfigException;

/**
 * The command line: global options, then a command. {@link #run} returns the exit code (0 ok,
 * 1 failure, 2 usage or config error) and never exits, so tests run commands in-process; only
 * {@link #main} calls {@code System.exit}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (!List.of(args).contains("--help") && !List.of(args).contains("--version")) {
            NativeLibraryCache.prepare(System.getenv());
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 65536), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
            StandardCharsets.UTF_8), true);
        int code = run(args, out, err, System.getenv(), isTerminal(1), isTerminal(2));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with output streams that are not terminals. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return run(args, out, err, env, false, false);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
                   boolean stdoutTerminal, boolean stderrTerminal) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            return dispatch(List.of(args), out, err, env, stdoutTerminal, stderrTerminal);
        } catch (CliException e) {
            return fail(err, e.getMessage(), e, e.exitCode(), debug);
        } catch (ConfigException e) {
            return fail(err, e.getMessage(), e, 2, debug);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, "interrupted", e, 1, debug);
        } catch (Exception | LinkageError | OutOfMemoryError | StackOverflowError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return fail(err, msg, e, 1, debug);
        } finally {
            out.flush();
            LogSetup.reset();
        }
    }

    private static int fail(PrintWriter err, String message, Throwable e, int code, boolean debug) {
        err.println("okx-store: " + firstLine(message));
        if (debug) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            err.print(sw);
        }
        err.flush();
        return code;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int dispatch(List<String> args, PrintWriter out, PrintWriter err, Map<String, String> env,
                                boolean stdoutTerminal, boolean stderrTerminal) throws Exception {
        Path config = null;
        Path dataDir = null;
        String logLevel = null;
        boolean debug = false;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help", "-h" -> {
                    out.print(Help.tool());
                    return 0;
                }
                case "--version", "-V" -> {
                    out.println("okx-store " + version());
                    return 0;
                }
                case "--debug" -> debug = true;
                case "--config", "--data-dir", "--log-level" -> {
                    if (i + 1 >= args.size()) {
                        throw CliException.usage("option " + a + " needs a value");
                    }
                    String v = args.get(++i);
                    switch (a) {
                        case "--config" -> config = Path.of(v);
                        case "--data-dir" -> dataDir = Path.of(v);
                        default -> logLevel = v;
                    }
                }
                default -> throw CliException.usage("unknown option '" + a + "' (see okx-store --help)");
            }
        }
        if (i >= args.size()) {
            throw CliException.usage("no command given (see okx-store --help)");
        }
        String name = args.get(i);
        Command command = Commands.find(name).orElseThrow(() ->
            CliException.usage("unknown command '" + name + "'" + Commands.suggest(name) + " (see okx-store --help)"));
        // global options may also follow the command: okx-store query BTC-USDT 1m --data-dir DIR
        List<String> rest = new java.util.ArrayList<>();
        for (int j = i + 1; j < args.size(); j++) {
            String a = args.get(j);
            if (a.equals("--")) {
                rest.addAll(args.subList(j, args.size()));
                break;
            }
            String opt = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (opt.equals("--config") || opt.equals("--data-dir") || opt.equals("--log-level")) {
                String v;
                if (a.contains("=")) {
                    v = a.substring(a.indexOf('=') + 1);
                } else if (j + 1 < args.size()) {
                    v = args.get(++j);
                } else {
                    throw CliException.usage("option " + opt + " needs a value");
                }
                switch (opt) {
                    case "--config" -> config = Path.of(v);
                    case "--data-dir" -> dataDir = Path.of(v);
                    default -> logLevel = v;
                }
            } else if (a.equals("--debug")) {
                debug = true;
            } else {
                rest.add(a);
            }
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.help());
            return 0;
        }
        Cli cli = new Cli(out, err, env, config, dataDir, logLevel, debug, stdoutTerminal, stderrTerminal);
        return command.run(cli, rest);
    }

    /** The jar's version, from the resource the build writes. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/okxstore/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }

    /** True when the file descriptor is a terminal (Linux: it links to a tty device). */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
