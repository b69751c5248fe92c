package okxstore.config;

/**
 * OKX's URLs as configured: explicit keys win, else the host set of {@code okx.region} and
 * {@code okx.demo} (API-NOTES §1).
 */
public record Endpoints(String restUrl, String wsPublicUrl, String wsBusinessUrl, boolean demo, String proxy) {

    static Endpoints of(Config c) {
        boolean demo = Boolean.parseBoolean(c.get(Keys.DEMO).strip());
        String region = c.get(Keys.REGION).strip();
        String rest = switch (region) {
            case "eea" -> "https://eea.okx.com";
            case "us" -> "https://us.okx.com";
            default -> "https://www.okx.com";
        };
        String wsHost = switch (region) {
            case "eea" -> demo ? "wseeapap.okx.com" : "wseea.okx.com";
            case "us" -> demo ? "wsuspap.okx.com" : "wsus.okx.com";
            default -> demo ? "wspap.okx.com" : "ws.okx.com";
        };
        String wsBase = "wss://" + wsHost + ":8443/ws/v5/";
        String proxy = c.explicit(Keys.PROXY).orElseGet(() -> proxyFromEnv(c.env().get("HTTPS_PROXY")));
        return new Endpoints(
            c.explicit(Keys.REST_URL).orElse(rest),
            c.explicit(Keys.WS_PUBLIC_URL).orElse(wsBase + "public"),
            c.explicit(Keys.WS_BUSINESS_URL).orElse(wsBase + "business"),
            demo, proxy);
    }

    /** host:port of an {@code HTTPS_PROXY} value such as {@code http://proxy:3128/}, or "". */
    static String proxyFromEnv(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String v = value.strip().replaceFirst("^[a-zA-Z]+://", "").replaceFirst("/.*$", "");
        int at = v.lastIndexOf('@');
        v = at >= 0 ? v.substring(at + 1) : v;
        return v.matches("[A-Za-z0-9.\\-]+:\\d{1,5}") ? v : "";
    }
}
