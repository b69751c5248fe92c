package okxstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit codes, help and version on stdout, errors as exactly one line on stderr. */
class MainTest {
    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs a command with {@code --config} and {@code --data-dir} in front. */
    static Run runWith(Path config, Path dataDir, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--config";
        all[1] = config.toString();
        all[2] = "--data-dir";
        all[3] = dataDir.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return run(Map.of(), all);
    }

    /** Asserts a usage or config error: the exit code, nothing on stdout, exactly this one line on stderr. */
    private static void assertError(int code, String line, Run r) {
        assertEquals(new Run(code, "", "okx-store: " + line + System.lineSeparator()), r);
    }

    @Test
    void help_printsTheToolsHelpOnStdoutOnly() {
        for (String flag : new String[] {"--help", "-h"}) {
            Run r = run(flag);
            assertEquals(new Run(0, Help.tool(), ""), r);
            assertTrue(r.out().startsWith("okx-store - "), r.out());
            for (Command c : Commands.ALL) {
                assertTrue(r.out().contains("  " + c.name() + " "), c.name());
            }
        }
    }

    @Test
    void version_printsNameAndVersion() {
        for (String flag : new String[] {"--version", "-V"}) {
            Run r = run(flag);
            assertEquals(0, r.code());
            assertEquals("", r.err());
            assertTrue(r.out().matches("okx-store [0-9A-Za-z.+-]+" + System.lineSeparator()), r.out());
        }
    }

    @Test
    void helpAndVersion_readNoConfig() {
        Path missing = dir.resolve("missing.properties");
        assertEquals(0, run("--config", missing.toString(), "--help").code());
        assertEquals(0, run("--config", missing.toString(), "--version").code());
        assertEquals(0, run(Map.of("OKX_STORE_REALTIME_MODE", "fast"), "--data-dir", dir.toString(), "list", "--help").code());
    }

    @Test
    void everyCommandsHelp_exitsZero_withItsUsageLine() {
        for (Command c : Commands.ALL) {
            for (String flag : new String[] {"--help", "-h"}) {
                Run r = run(c.name(), flag);
                assertEquals(new Run(0, c.help(), ""), r, c.name());
                assertTrue(r.out().startsWith("Usage: okx-store " + c.name()), r.out());
            }
            assertTrue(!c.summary().isBlank() && !c.summary().contains("\n"), c.name());
        }
    }

    @Test
    void unknownCommand_isAUsageError() {
        assertError(2, "unknown command 'frobnicate' (see okx-store --help)", run("frobnicate"));
        assertError(2, "unknown command 'quer' (did you mean query?) (see okx-store --help)", run("quer"));
    }

    @Test
    void unknownGlobalOption_isAUsageError() {
        assertError(2, "unknown option '--bogus' (see okx-store --help)", run("--bogus", "list"));
        assertError(2, "option --config needs a value", run("--config"));
        assertError(2, "no command given (see okx-store --help)", run());
    }

    @Test
    void badConfigFile_exitsTwo_withOneLineNamingKeyValueAndFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.properties"), "realtime.mode=fast\n");
        assertError(2, "bad value 'fast' for realtime.mode in " + f + ": expected one of websocket, polling, hybrid",
            run("--config", f.toString(), "--data-dir", dir.toString(), "list"));
        Files.writeString(f, "instruments=BTC-USDT,a;b\n");
        assertError(2, "bad value 'BTC-USDT,a;b' for instruments in " + f
            + ": invalid instrument id 'a;b' (expected letters and digits in dash-separated groups, like BTC-USDT)",
            run("--config", f.toString(), "list"));
        Files.writeString(f, "realtime.mod=hybrid\n");
        assertError(2, "unknown key 'realtime.mod' (value 'hybrid') in " + f + " (did you mean realtime.mode?)",
            run("--config", f.toString(), "list"));
    }

    @Test
    void configInTheDataDir_andFromOkxStoreConfig_areFound() throws IOException {
        Path inDir = Files.writeString(dir.resolve("okx-store.properties"), "okx.demo=maybe\n");
        assertError(2, "bad value 'maybe' for okx.demo in " + inDir + ": expected true or false",
            run("--data-dir", dir.toString(), "list"));
        Path named = Files.writeString(dir.resolve("named.properties"), "ws.enabled=nope\n");
        assertError(2, "bad value 'nope' for ws.enabled in " + named + ": expected true or false",
            run(Map.of("OKX_STORE_CONFIG", named.toString()), "--data-dir", dir.toString(), "list"));
    }

    @Test
    void missingConfigFile_exitsTwo() {
        Path f = dir.resolve("nope.properties");
        assertError(2, "config file " + f + " does not exist", run("--config", f.toString(), "list"));
    }

    @Test
    void badEnvironmentOrFlag_exitsTwo() {
        assertError(2, "bad value 'fast' for realtime.mode in environment variable OKX_STORE_REALTIME_MODE:"
            + " expected one of websocket, polling, hybrid",
            run(Map.of("OKX_STORE_REALTIME_MODE", "fast"), "--data-dir", dir.toString(), "list"));
        Run r = run("--log-level", "LOUD", "--data-dir", dir.toString(), "list");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("okx-store: bad value 'LOUD' for log.level on the command line: "), r.err());
    }

    @Test
    void debug_addsTheStackTraceAfterTheOneLine() {
        Path f = dir.resolve("nope.properties");
        Run r = run("--debug", "--config", f.toString(), "list");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("okx-store: config file " + f + " does not exist" + System.lineSeparator()
            + "okxstore.config.ConfigException"), r.err());
    }

    @Test
    void list_onBuiltInDefaults() {
        Run r = run(Map.of(), "--data-dir", dir.toString(), "list");
        String nl = System.lineSeparator();
        assertEquals(new Run(0, "BTC-USDT\t1m,1H,1Dutc\thybrid\t30d\tenabled\tno-data" + nl
            + "ETH-USDT\t1m,1H,1Dutc\thybrid\t30d\tenabled\tno-data" + nl
            + "SOL-USDT\t1m,1H,1Dutc\thybrid\t30d\tenabled\tno-data" + nl, ""), r);
    }

    @Test
    void commandUsageErrors_areOneLine() {
        Run r = run("--data-dir", dir.toString(), "list", "extra");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("okx-store: unexpected argument 'extra' for list"), r.err());
        assertEquals(1, r.err().split(System.lineSeparator(), -1).length - 1, r.err());
    }

    @Test
    void globalOptions_mayFollowTheCommand() throws IOException {
        Path conf = dir.resolve("c.properties");
        Files.writeString(conf, "instruments=XRP-USDT\n");
        Run r = run("list", "--config", conf.toString(), "--data-dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("XRP-USDT\t"), r.out());
    }
}
