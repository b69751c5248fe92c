package okxstore.cli;

/**
 * Entry point of the jar, compiled for an old Java release so that an old JVM can load it and say
 * plainly that okx-store needs Java 21, instead of failing with UnsupportedClassVersionError.
 */
public final class Launcher {
    private static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int found = feature(System.getProperty("java.specification.version", "0"));
        if (found < REQUIRED) {
            System.err.println("okx-store needs Java " + REQUIRED + " or newer (found " + found + ")");
            System.exit(1);
        }
        try {
            Class.forName("okxstore.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static int feature(String spec) {
        String s = spec.startsWith("1.") ? spec.substring(2) : spec;
        int dot = s.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
