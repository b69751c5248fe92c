package okxstore.fake;

/**
 * One request the fake received: its endpoint (null for an unknown path), path, raw query, the
 * fake clock's time in epoch ms, and whether the rate limit refused it.
 */
public record FakeRequest(Endpoint endpoint, String path, String query, long epochMs, boolean rateLimited) {

    /** The decoded value of query parameter {@code name}, or null when absent. */
    public String param(String name) {
        return Dispatcher.params(query).get(name);
    }

    /** {@link #param} as a long, or {@code absent} when missing or not a number. */
    public long longParam(String name, long absent) {
        String v = param(name);
        try {
            return v == null ? absent : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    @Override
    public String toString() {
        return path + (query == null ? "" : "?" + query) + (rateLimited ? " (429)" : "") + " @" + epochMs;
    }
}
