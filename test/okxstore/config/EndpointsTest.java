package okxstore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** OKX's URLs from okx.region and okx.demo, explicit keys winning, and the proxy from HTTPS_PROXY. */
class EndpointsTest {
    private static Endpoints of(Map<String, String> env) {
        return Endpoints.of(Config.load(null, false, env, Map.of()));
    }

    @Test
    void defaults_areTheRealGlobalHosts() {
        assertEquals(new Endpoints("https://www.okx.com", "wss://ws.okx.com:8443/ws/v5/public",
            "wss://ws.okx.com:8443/ws/v5/business", false, ""), of(Map.of()));
    }

    @Test
    void demo_andRegions_pickTheirHosts() {
        Endpoints demo = of(Map.of("OKX_STORE_OKX_DEMO", "true"));
        assertEquals("wss://wspap.okx.com:8443/ws/v5/business", demo.wsBusinessUrl());
        assertEquals(true, demo.demo());
        assertEquals("https://eea.okx.com", of(Map.of("OKX_STORE_OKX_REGION", "eea")).restUrl());
        assertEquals("wss://wsus.okx.com:8443/ws/v5/public", of(Map.of("OKX_STORE_OKX_REGION", "us")).wsPublicUrl());
    }

    @Test
    void explicitUrls_win() {
        Endpoints e = of(Map.of("OKX_STORE_OKX_REST_URL", "http://127.0.0.1:8080", "OKX_STORE_OKX_REGION", "us"));
        assertEquals("http://127.0.0.1:8080", e.restUrl());
        assertEquals("wss://wsus.okx.com:8443/ws/v5/business", e.wsBusinessUrl());
    }

    @Test
    void proxy_fromKeyOrHttpsProxy() {
        assertEquals("proxy:3128", of(Map.of("HTTPS_PROXY", "http://user:pw@proxy:3128/")).proxy());
        assertEquals("other:8080", of(Map.of("HTTPS_PROXY", "http://proxy:3128", "OKX_STORE_OKX_PROXY", "other:8080")).proxy());
        assertEquals("", Endpoints.proxyFromEnv("not a proxy"));
        assertEquals("", Endpoints.proxyFromEnv(null));
    }
}
