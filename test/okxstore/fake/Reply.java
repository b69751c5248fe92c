package okxstore.fake;

/**
 * One HTTP answer of the fake: status, content type and body, with the bodies OKX sends. Key
 * order varies as in the real captures (API-NOTES §2): {@code code,msg,data} on success,
 * {@code code,data,msg} on parameter errors, {@code msg,code} on 50011. Immutable.
 */
record Reply(int status, String contentType, String body) {
    static final String JSON = "application/json";

    /** {@code {"code":"0","msg":"","data":<dataJson>}}. */
    static Reply ok(CharSequence dataJson) {
        return new Reply(200, JSON, "{\"code\":\"0\",\"msg\":\"\",\"data\":" + dataJson + "}");
    }

    /** An OKX error envelope with empty {@code data}, as {@code code,msg,data}. */
    static Reply error(int status, String code, String msg) {
        return new Reply(status, JSON, "{\"code\":\"" + code + "\",\"msg\":\"" + msg + "\",\"data\":[]}");
    }

    /** 50014, HTTP 400: a required parameter is missing. */
    static Reply missing(String param) {
        return error(400, "50014", "Parameter " + param + " can not be empty");
    }

    /** 51000, HTTP 400, keys as {@code code,data,msg} (sieblyio/okx-api#105). */
    static Reply badParam(String param) {
        return new Reply(400, JSON, "{\"code\":\"51000\",\"data\":[],\"msg\":\"Parameter " + param + " error\"}");
    }

    /** 51001, HTTP 200, wording and key order of the fixture in samples/. */
    static Reply unknownInstrument() {
        return new Reply(200, JSON, "{\"code\":\"51001\",\"data\":[],"
            + "\"msg\":\"Instrument ID, Instrument ID code, or Spread ID doesn't exist.\"}");
    }

    /** 50011, HTTP 429, without {@code data} (samples/rest_error_50011_rate_limit_nautilus.json). */
    static Reply rateLimited() {
        return new Reply(429, JSON, "{\"msg\":\"Too Many Requests\",\"code\":\"50011\"}");
    }

    /** HTTP 404 for an unknown path, with a numeric {@code code} (API-NOTES §2, §7.11). */
    static Reply notFound() {
        return new Reply(404, JSON, "{\"code\":404,\"data\":{},\"detailMsg\":\"\",\"error_code\":\"404\","
            + "\"error_message\":\"Not Found\",\"msg\":\"Not Found\"}");
    }

    /** The answer a fault replaces the real one with (not for the stalls and truncation, which keep it). */
    static Reply of(Fault fault) {
        return switch (fault) {
            case UNAVAILABLE -> error(503, "50001", "Service temporarily unavailable. Please try again later.");
            case BUSY -> error(429, "50013", "Systems are busy. Please try again later.");
            case GARBAGE -> new Reply(500, "text/html", "<html>\r\n<head><title>500 Internal Server Error</title>"
                + "</head>\r\n<body>\r\n<center><h1>500 Internal Server Error</h1></center>\r\n</body>\r\n</html>\r\n");
            case STALL, STALL_BODY, TRUNCATED -> throw new IllegalArgumentException(fault + " keeps the real answer");
        };
    }
}
